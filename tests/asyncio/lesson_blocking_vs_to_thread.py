import asyncio
import time


def blocking_io(n):
    time.sleep(0.5)
    return n * 2


async def tick(stop):
    count = 0
    while not stop.is_set():
        await asyncio.sleep(0.1)
        count += 1
    return count


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    ticker = asyncio.create_task(tick(stop))
    t0 = time.perf_counter()
    r = blocking_io(1)
    print(f"blocking call returned {r} after {time.perf_counter() - t0:.2f}s")
    r = await asyncio.to_thread(blocking_io, 2)
    print(f"to_thread returned {r} after {time.perf_counter() - t0:.2f}s")
    r = await loop.run_in_executor(None, blocking_io, 3)
    print(f"run_in_executor returned {r} after {time.perf_counter() - t0:.2f}s")
    stop.set()
    print("ticks:", await ticker)


asyncio.run(main())
