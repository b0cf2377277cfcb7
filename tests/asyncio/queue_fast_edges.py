import asyncio
import traceback


async def producer(q, items, name, log):
    for i in items:
        await q.put(i)
        log.append(f"{name} put {i}")


async def consumer(q, name, log):
    while True:
        try:
            item = await q.get()
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise
        log.append(f"{name} got {item}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    log = []
    p1 = asyncio.create_task(producer(q, range(5), "p1", log))
    p2 = asyncio.create_task(producer(q, range(10, 13), "p2", log))
    await asyncio.sleep(0)
    print(q, q.qsize(), q.full())
    c1 = asyncio.create_task(consumer(q, "c1", log))
    c2 = asyncio.create_task(consumer(q, "c2", log))
    await asyncio.gather(p1, p2)
    await q.join()
    print(log)
    print(q)
    c1.cancel()
    c2.cancel()
    await asyncio.sleep(0)
    print(q, log[-2:])
    try:
        async with asyncio.timeout(0.1):
            await q.get()
    except TimeoutError:
        traceback.print_exc()
    print(q)
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        traceback.print_exc()
    t = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print(q)
    t.cancel()
    await asyncio.sleep(0)
    print(q, t.cancelled())
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        traceback.print_exc()
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError:
        traceback.print_exc()
    try:
        await asyncio.wait_for(q.get(), 0.05)
    except TimeoutError:
        print("wait_for timed out", q)
    # a woken getter cancelled before it runs hands the item to the next one
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("x")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(g1.cancelled(), g2.result(), q)
    lq = asyncio.LifoQueue()
    for i in range(3):
        await lq.put(i)
    print([await lq.get() for _ in range(3)])
    pq = asyncio.PriorityQueue()
    for i in (3, 1, 2):
        await pq.put(i)
    print([await pq.get() for _ in range(3)])


asyncio.run(main())
