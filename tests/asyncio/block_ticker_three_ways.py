# block ticker three ways.
import asyncio
import time

async def ticker():
    loop = asyncio.get_running_loop()
    for i in range(5):
        print(f"tick {i} at {loop.time():.2f}")
        await asyncio.sleep(0.5)

async def bad_work():
    time.sleep(1.2)
    print("blocking work done", f"{time.monotonic():.2f}")

async def good_work():
    await asyncio.sleep(1.2)
    print("async work done", f"{time.monotonic():.2f}")

def blocking(n):
    time.sleep(n)
    return n * 10

async def main():
    start = time.monotonic()
    await asyncio.gather(ticker(), bad_work())
    print("phase1", f"{time.monotonic() - start:.2f}")
    start = time.monotonic()
    await asyncio.gather(ticker(), good_work())
    print("phase2", f"{time.monotonic() - start:.2f}")
    start = time.monotonic()
    r = await asyncio.gather(ticker(), asyncio.to_thread(blocking, 1.2))
    print("phase3", r[1], f"{time.monotonic() - start:.2f}")

asyncio.run(main())
