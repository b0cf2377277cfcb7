# Three tasks that "sleep" 1 s each: time.sleep takes 3 s, asyncio.sleep takes 1 s.
import asyncio
import time

async def blocking(n):
    time.sleep(1)

async def polite(n):
    await asyncio.sleep(1)

async def main():
    t0 = time.perf_counter()
    await asyncio.gather(*(blocking(n) for n in range(3)))
    print(f"time.sleep x3: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    await asyncio.gather(*(polite(n) for n in range(3)))
    print(f"asyncio.sleep x3: {time.perf_counter() - t0:.2f} s")

asyncio.run(main())
