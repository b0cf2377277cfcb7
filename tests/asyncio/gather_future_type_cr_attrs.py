import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    g = asyncio.gather(job(0.1), job(0.2))
    print(type(g).__name__, isinstance(g, asyncio.Future))
    print(g)
    print(await g)
    print(g)
    c = job(1)
    print(c.cr_running, c.cr_await, c.cr_code.co_name)
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    print(c.cr_running, c.cr_await is not None, type(c.cr_await).__name__)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(c.cr_await, c.cr_running)
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    t2 = asyncio.create_task(job(0))
    print(t2)
    await t2
    print(t2)


asyncio.run(main())
