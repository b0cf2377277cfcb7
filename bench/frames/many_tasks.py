"""Two hundred tasks on screen: the window's frame-time benchmark.

Each task wakes three times on its own timer, so for most of the run all
200 are pending at once: 200 task cards, a long timer heap and ready queue,
200 timeline rows.
"""
import asyncio


async def worker(i):
    for k in range(3):
        await asyncio.sleep(0.01 * (1 + i % 17) + 0.001 * k)
    return i


async def main():
    tasks = [asyncio.create_task(worker(i), name=f"worker-{i}") for i in range(200)]
    done = await asyncio.gather(*tasks)
    print(len(done), sum(done))


asyncio.run(main())
