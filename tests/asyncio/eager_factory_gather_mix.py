# eager factory gather mix.
import asyncio

async def quick(n):
    print("quick start", n)
    return n

async def slow(n):
    print("slow start", n)
    await asyncio.sleep(n)
    print("slow end", n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(quick(1))
    print("lazy created, done:", t.done())
    await t
    loop.set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(quick(2))
    print("eager created, done:", t.done(), t.result())
    s = asyncio.create_task(slow(0.5))
    print("eager slow done:", s.done())
    print(await asyncio.gather(quick(3), slow(0.25), quick(4)))
    await s
    print(loop.get_task_factory() is asyncio.eager_task_factory)
    loop.set_task_factory(None)
    print(loop.get_task_factory())
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
