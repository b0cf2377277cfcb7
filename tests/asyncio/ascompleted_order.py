# as_completed yields awaitables in completion order (tasks created up front, so the
# start order does not depend on set iteration).
import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    return f"{name} after {d}"

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2))]
    for aw in asyncio.as_completed(ts):
        r = await aw
        print(f"{loop.time():.2f}", r)

asyncio.run(main())
