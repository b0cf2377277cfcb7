# loop.time(), time.monotonic() and time.perf_counter() read the same virtual clock.
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    for d in (0.25, 1, 2.5):
        await asyncio.sleep(d)
        print(f"after sleep({d}): loop {loop.time():.3f} monotonic {time.monotonic():.3f} "
              f"perf {time.perf_counter():.3f}")
    print("time.time() - loop.time():", round(time.time() - loop.time(), 3))

asyncio.run(main())
