import asyncio
import gc

results = []


async def background(n):
    await asyncio.sleep(0.1)
    results.append(n)


background_tasks = set()


async def main():
    for i in range(3):
        t = asyncio.create_task(background(i))
        background_tasks.add(t)
        t.add_done_callback(background_tasks.discard)
    print("scheduled", len(background_tasks))
    gc.collect()
    await asyncio.sleep(0.2)
    print("results", results, "left", len(background_tasks))


asyncio.run(main())
