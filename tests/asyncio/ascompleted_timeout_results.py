import asyncio
import time


async def job(i):
    await asyncio.sleep(0.1 * i)
    return i


async def main():
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(job(i)) for i in (3, 1, 4, 2)]
    try:
        for coro in asyncio.as_completed(tasks, timeout=0.35):
            r = await coro
            print(f"{time.perf_counter() - t0:.2f} got {r}")
    except TimeoutError:
        print(f"{time.perf_counter() - t0:.2f} timeout; pending:", sum(not t.done() for t in tasks))
    await asyncio.sleep(0.2)
    print([t.result() for t in tasks])


asyncio.run(main())
