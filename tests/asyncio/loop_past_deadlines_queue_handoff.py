# loop past deadlines queue handoff.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(-1, order.append, "negative")
    loop.call_soon(order.append, "soon")
    loop.call_later(0, order.append, "zero")
    loop.call_at(loop.time() - 5, order.append, "past")
    loop.call_soon(lambda: order.append(("cb current_task", asyncio.current_task())))
    await asyncio.sleep(0)
    print(order)
    await asyncio.sleep(0)
    print(order)
    q = asyncio.Queue(maxsize=1)
    await q.put(1)
    putter = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("putter waiting:", not putter.done(), q.qsize())
    print(q.get_nowait(), putter.done())
    await asyncio.sleep(0)
    print(putter.done(), q.qsize(), q.get_nowait())
    ev = asyncio.Event()
    ev.set()
    print(await ev.wait())
    sem = asyncio.Semaphore(1)
    sem.release()
    sem.release()
    print(sem.locked(), [await sem.acquire() for _ in range(3)], sem.locked())

asyncio.run(main())
