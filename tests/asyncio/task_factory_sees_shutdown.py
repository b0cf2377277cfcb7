# A task factory sees every task the loop makes, asyncio.run's own closing
# tasks included (shutdown_asyncgens, shutdown_default_executor).
import asyncio


def factory(loop, coro, **kw):
    print("factory:", getattr(coro, "__qualname__", coro), kw, loop.is_running())
    return asyncio.Task(coro, loop=loop, **kw)


async def child():
    await asyncio.sleep(0.1)
    return "child"


async def main():
    asyncio.get_running_loop().set_task_factory(factory)
    print(await asyncio.create_task(child(), name="kid"))
    print(await asyncio.gather(child(), asyncio.sleep(0.2, "nap")))


asyncio.run(main())
print("after run")
