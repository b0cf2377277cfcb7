# loop.set_task_factory with a custom factory: every task goes through it.
import asyncio

created = []

def factory(loop, coro, **kwargs):
    t = asyncio.Task(coro, loop=loop, **kwargs)
    created.append(t.get_name())
    return t

async def child(n):
    await asyncio.sleep(0.1 * n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    a = asyncio.create_task(child(1), name="first")
    print(await asyncio.gather(a, child(2), child(3)))
    print("through the factory:", created)
    loop.set_task_factory(None)
    print("factory reset:", loop.get_task_factory())

asyncio.run(main())
