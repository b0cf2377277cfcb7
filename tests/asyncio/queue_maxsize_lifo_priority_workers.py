# queue maxsize lifo priority workers.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(5):
            await q.put(i)
            print(f"{loop.time():.2f} put {i} qsize={q.qsize()} full={q.full()}")
        await q.put(None)
    async def consumer():
        while True:
            item = await q.get()
            if item is None:
                q.task_done()
                break
            await asyncio.sleep(0.5)
            print(f"{loop.time():.2f} got {item}")
            q.task_done()
    await asyncio.gather(producer(), consumer())
    await q.join()
    print("joined", q.empty())
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        lq.put_nowait(x)
        pq.put_nowait((x, f"p{x}"))
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])
    try:
        lq.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    sq = asyncio.Queue(1)
    sq.put_nowait("a")
    try:
        sq.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        asyncio.Queue().task_done()
    except ValueError as e:
        print("ValueError", e)
    # getter with timeout
    try:
        await asyncio.wait_for(asyncio.Queue().get(), 0.5)
    except TimeoutError:
        print("get timed out", f"{loop.time():.2f}")
    # workers + join
    work = asyncio.Queue()
    for i in range(6):
        work.put_nowait(i * 0.25)
    async def worker(name):
        while True:
            d = await work.get()
            await asyncio.sleep(d)
            print(f"{loop.time():.2f} {name} did {d}")
            work.task_done()
    ws = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await work.join()
    for w in ws:
        w.cancel()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print([type(x).__name__ for x in r])

asyncio.run(main())
