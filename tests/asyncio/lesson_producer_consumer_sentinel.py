import asyncio
import random

random.seed(7)
SENTINEL = None


async def producer(q, name, n):
    for i in range(n):
        await asyncio.sleep(random.uniform(0.05, 0.2))
        item = f"{name}-{i}"
        await q.put(item)
        print(f"produced {item}")


async def consumer(q, name, stats):
    while True:
        item = await q.get()
        if item is SENTINEL:
            q.task_done()
            print(f"{name} got sentinel, exiting")
            break
        await asyncio.sleep(random.uniform(0.1, 0.3))
        stats[name] = stats.get(name, 0) + 1
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=3)
    stats = {}
    producers = [asyncio.create_task(producer(q, p, 4)) for p in "AB"]
    consumers = [asyncio.create_task(consumer(q, f"c{i}", stats)) for i in range(3)]
    await asyncio.gather(*producers)
    for _ in consumers:
        await q.put(SENTINEL)
    await q.join()
    await asyncio.gather(*consumers)
    print(dict(sorted(stats.items())), sum(stats.values()))


asyncio.run(main())
