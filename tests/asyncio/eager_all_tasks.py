# An eager task that finishes in its first step is never registered in all_tasks().
import asyncio

async def instant():
    return "instant"

async def pauses():
    await asyncio.sleep(1)
    return "paused"

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    a = asyncio.create_task(instant())
    b = asyncio.create_task(pauses())
    print("a done:", a.done(), "b done:", b.done())
    print("all_tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    print(a.result(), await b)
    print("factory:", loop.get_task_factory() is asyncio.eager_task_factory)

asyncio.run(main())
