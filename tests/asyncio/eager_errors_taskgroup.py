# eager errors taskgroup.
import asyncio

async def instant_fail():
    raise LookupError("eager failure")

async def instant_ok(v):
    return v

async def later(v):
    await asyncio.sleep(0.2)
    return v

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(instant_fail(), name="eager-fail")
    print(t.done(), type(t.exception()).__name__)
    t2 = asyncio.create_task(instant_ok(5), name="eager-ok")
    print(t2.done(), t2.result())
    t3 = asyncio.create_task(later(1), name="eager-later")
    print(t3.done(), asyncio.current_task().get_name())
    print(await t3)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(instant_ok("a"))
        b = tg.create_task(later("b"))
        print("inside tg", a.done(), b.done())
    print(a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(later("c"))
            tg.create_task(instant_fail())
    except* LookupError as eg:
        print("eager tg error", len(eg.exceptions))

asyncio.run(main())
