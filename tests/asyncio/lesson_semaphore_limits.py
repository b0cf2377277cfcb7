import asyncio
import time

MAX = 3
active = 0
peak = 0


async def request(sem, i):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.1 + 0.05 * (i % 3))
        active -= 1
    return i


async def main():
    sem = asyncio.Semaphore(MAX)
    t0 = time.perf_counter()
    done = await asyncio.gather(*(request(sem, i) for i in range(10)))
    print(f"{len(done)} requests, peak {peak}, took {time.perf_counter() - t0:.2f}s")


asyncio.run(main())
