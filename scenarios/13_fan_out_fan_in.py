"""Fan-out, fan-in

What to watch for: one search is split over five shards (fan-out): a TaskGroup
starts a task per shard and they all wait at the same time. Each shard puts its
count on a results queue as soon as it has one; main, still inside the group,
takes them off in arrival order and keeps a running total (fan-in). Leaving the
`async with` waits for every shard task to be done.
"""
import asyncio

SHARDS = [("s1", 0.6, 12), ("s2", 0.2, 5), ("s3", 0.9, 30), ("s4", 0.4, 0), ("s5", 0.75, 8)]


async def search(shard, seconds, hits, results):
    await asyncio.sleep(seconds)        # querying one shard
    await results.put((shard, hits))


async def main():
    loop = asyncio.get_running_loop()
    results = asyncio.Queue()
    total = 0
    async with asyncio.TaskGroup() as tg:
        for shard, seconds, hits in SHARDS:
            tg.create_task(search(shard, seconds, hits, results))
        print(f"{loop.time():.2f}  fanned out to {len(SHARDS)} shards")
        for _ in SHARDS:
            shard, hits = await results.get()
            total += hits
            print(f"{loop.time():.2f}  {shard}: {hits:2} hits, total so far {total}")
    print(f"{loop.time():.2f}  fanned in: {total} hits")


asyncio.run(main())
