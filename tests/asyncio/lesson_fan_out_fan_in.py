"""Fan-out / fan-in with a work queue and a results queue.

Watch: three workers drain the queue; results come back in completion order.
"""
import asyncio

async def worker(name, jobs, results):
    while True:
        n, cost = await jobs.get()
        await asyncio.sleep(cost)
        await results.put((n, name, f"{asyncio.get_running_loop().time():.2f}"))
        jobs.task_done()

async def main():
    jobs, results = asyncio.Queue(), asyncio.Queue()
    for n, cost in enumerate([0.4, 0.1, 0.3, 0.25, 0.15, 0.07]):
        jobs.put_nowait((n, cost))
    workers = [asyncio.create_task(worker(f"w{i}", jobs, results)) for i in range(3)]
    await jobs.join()
    while not results.empty():
        print(results.get_nowait())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

asyncio.run(main())
