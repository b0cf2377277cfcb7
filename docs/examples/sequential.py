"""Three downloads awaited one after another: the waits add up."""
import asyncio

JOBS = [("users", 0.8), ("orders", 0.5), ("prices", 1.2)]


async def download(name, seconds):
    await asyncio.sleep(seconds)        # stands for waiting on the network
    return name


async def main():
    results = []
    for name, seconds in JOBS:
        results.append(await download(name, seconds))
    print(results)


asyncio.run(main())
