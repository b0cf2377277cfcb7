# sync cancel waiters.
import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(1)
        print("holder releases")

async def waiter(lock, name):
    try:
        async with lock:
            print(name, "got lock", f"{asyncio.get_running_loop().time():.2f}")
            await asyncio.sleep(0.2)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting, locked:", lock.locked())
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0.1)
    ws = [asyncio.create_task(waiter(lock, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    ws[0].cancel()
    await asyncio.gather(h, *ws, return_exceptions=True)
    print([w.cancelled() for w in ws], lock.locked())
    ev = asyncio.Event()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("event wait cancelled", ev.is_set())
    cond = asyncio.Condition()
    async def cwait():
        async with cond:
            await cond.wait()
    c = asyncio.create_task(cwait())
    await asyncio.sleep(0.1)
    c.cancel()
    r = await asyncio.gather(c, return_exceptions=True)
    print(type(r[0]).__name__, cond.locked())

asyncio.run(main())
