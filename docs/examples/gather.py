"""The same three downloads with asyncio.gather: the waits overlap."""
import asyncio

JOBS = [("users", 0.8), ("orders", 0.5), ("prices", 1.2)]


async def download(name, seconds):
    await asyncio.sleep(seconds)        # stands for waiting on the network
    return name


async def main():
    results = await asyncio.gather(*(download(n, s) for n, s in JOBS))
    print(results)


asyncio.run(main())
