"""Eager tasks vs lazy tasks (Python 3.12)

What to watch for: by default create_task is lazy: it only appends the new
task to the ready queue, and its first line runs later, when main awaits. With
eager_task_factory the first step runs inside create_task itself, before it
returns. A lookup that hits the cache finishes in that first step: the task is
already done and never visits the ready queue. A miss suspends at its first
await and carries on as a normal task.
"""
import asyncio


async def lookup(key, cache):
    loop = asyncio.get_running_loop()
    print(f"    lookup({key!r}) starts")
    if key in cache:
        return cache[key]               # done without ever suspending
    await asyncio.sleep(0.1)            # a miss: fetch it
    cache[key] = key.upper()
    print(f"{loop.time():.2f} lookup({key!r}) fetched")
    return cache[key]


async def demo(title):
    cache = {"a": "A"}
    print(title)
    hit = asyncio.create_task(lookup("a", cache))
    miss = asyncio.create_task(lookup("b", cache))
    print(f"    after create_task: hit done = {hit.done()}, miss done = {miss.done()}")
    print(f"    results: {await hit} {await miss}")


async def main():
    await demo("lazy (the default):")
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await demo("eager (eager_task_factory):")


asyncio.run(main())
