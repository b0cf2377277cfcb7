# tg worker pool queue.
import asyncio

async def worker(name, q, results):
    loop = asyncio.get_running_loop()
    while True:
        job = await q.get()
        try:
            if job is None:
                return
            await asyncio.sleep(job / 10)
            if job == 7:
                raise ValueError(f"{name} choked on {job}")
            results.append((name, job))
            print(f"{loop.time():.2f} {name} did {job}")
        finally:
            q.task_done()

async def main():
    q = asyncio.Queue()
    for j in [3, 5, 2, 8, 1, 4]:
        q.put_nowait(j)
    results = []
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(worker(f"w{i}", q, results))
        await q.join()
        for _ in range(3):
            q.put_nowait(None)
    print(sorted(results))
    for j in [7, 2, 9]:
        q.put_nowait(j)
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(2):
                tg.create_task(worker(f"v{i}", q, results))
    except* ValueError as eg:
        print("failed:", [str(e) for e in eg.exceptions], q.qsize())

asyncio.run(main())
