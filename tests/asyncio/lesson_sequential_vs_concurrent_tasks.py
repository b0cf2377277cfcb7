# lesson sequential vs concurrent tasks.
import asyncio
import time

async def brew(item, secs):
    t0 = time.monotonic()
    await asyncio.sleep(secs)
    return f"{item} after {secs}s"

async def main():
    start = time.monotonic()
    a = await brew("tea", 1.5)
    b = await brew("coffee", 2)
    print("sequential:", a, b, f"{time.monotonic() - start:.2f}")
    start = time.monotonic()
    res = await asyncio.gather(brew("tea", 1.5), brew("coffee", 2), brew("juice", 0.25))
    print("concurrent:", res, f"{time.monotonic() - start:.2f}")
    start = time.monotonic()
    t1 = asyncio.create_task(brew("x", 1))
    t2 = asyncio.create_task(brew("y", 0.5))
    print(await t1, await t2, f"{time.monotonic() - start:.2f}")
    # coroutine objects are not started until awaited
    c1 = brew("lazy1", 1)
    c2 = brew("lazy2", 1)
    start = time.monotonic()
    await c1
    await c2
    print("coroutines awaited one at a time:", f"{time.monotonic() - start:.2f}")
    print(type(c1).__name__)

asyncio.run(main())
