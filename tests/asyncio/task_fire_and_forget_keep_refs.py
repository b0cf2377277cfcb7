# task fire and forget keep refs.
import asyncio

results = []

async def background(n):
    await asyncio.sleep(n)
    results.append(n)
    print("background", n, "done")

async def main():
    for i in (3, 1, 2):
        asyncio.create_task(background(i))
    await asyncio.sleep(1.5)
    print("main done", results)

asyncio.run(main())
print("after run", results)

background_tasks = set()

async def main2():
    for i in range(3):
        t = asyncio.create_task(background(i / 2), name=f"bg-{i}")
        background_tasks.add(t)
        t.add_done_callback(background_tasks.discard)
    print(sorted(t.get_name() for t in background_tasks))
    await asyncio.sleep(2)
    print("left:", len(background_tasks))

asyncio.run(main2())
