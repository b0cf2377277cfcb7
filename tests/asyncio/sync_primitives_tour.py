# sync primitives tour.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    print(repr(lock).split(" [")[1] if " [" in repr(lock) else repr(lock))
    async def use(name, d):
        async with lock:
            print(f"{loop.time():.2f} {name} has lock, locked={lock.locked()}")
            await asyncio.sleep(d)
    await asyncio.gather(use("a", 1), use("b", 0.5), use("c", 0.25))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        print(f"{loop.time():.2f} waiter {i} woke, is_set={ev.is_set()}")
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(1)
    ev.set()
    await asyncio.gather(*ws)
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            print(f"{loop.time():.2f} in {i} value={sem._value if False else ''}".rstrip())
            await asyncio.sleep(1)
    await asyncio.gather(*(limited(i) for i in range(5)))
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    cond = asyncio.Condition()
    items = []
    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            print(f"{loop.time():.2f} consumer {i} took {items.pop()}")
    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    for k in range(3):
        await asyncio.sleep(0.5)
        async with cond:
            items.append(k)
            cond.notify()
    await asyncio.gather(*cs)
    async with cond:
        cond.notify_all()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await asyncio.wait_for(ev.wait(), 1)
        ev.clear()
        await asyncio.wait_for(ev.wait(), 1)
    except TimeoutError:
        print("event wait timed out", f"{loop.time():.2f}")

asyncio.run(main())
