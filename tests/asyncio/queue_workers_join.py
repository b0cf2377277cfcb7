import asyncio
async def worker(name, q, results):
    while True:
        item = await q.get()
        await asyncio.sleep(item / 10)
        results.append((name, item))
        q.task_done()
async def main():
    q = asyncio.Queue(maxsize=3)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    for item in [5, 1, 4, 2, 3, 1, 2]:
        await q.put(item)
        print(f"{asyncio.get_running_loop().time():.2f} put {item} qsize={q.qsize()}")
    await q.join()
    print(results)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
asyncio.run(main())
