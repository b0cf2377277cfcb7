import asyncio


async def cached(key, cache):
    if key in cache:
        return cache[key]
    await asyncio.sleep(0.1)
    cache[key] = key.upper()
    return cache[key]


async def main():
    loop = asyncio.get_running_loop()
    cache = {"a": "A!"}
    loop.set_task_factory(asyncio.eager_task_factory)
    t1 = asyncio.create_task(cached("a", cache), name="hit")
    t2 = asyncio.create_task(cached("b", cache), name="miss")
    print(t1.done(), t1.result() if t1.done() else None)
    print(t2.done(), t2)
    print(await t2)
    print(t1)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    loop.set_task_factory(None)
    t3 = asyncio.create_task(cached("a", cache))
    print(t3.done())
    await t3
    print(t3.done(), t3.result())


asyncio.run(main())


async def fails_now():
    raise ValueError("eager failure")


async def second():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(fails_now(), name="bad")
    print(t)
    u = asyncio.create_task(asyncio.sleep(0.1), name="sleepy")
    print(u.get_coro().__qualname__)
    await u
    print(u.done(), u.get_coro().__qualname__)
    try:
        t.result()
    except ValueError as e:
        print("retrieved", e)
    t2 = asyncio.create_task(fails_now(), name="never-retrieved")
    del t2
    await asyncio.sleep(0)


asyncio.run(second())
