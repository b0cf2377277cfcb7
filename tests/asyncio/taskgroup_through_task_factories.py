# TaskGroup.create_task through a task factory whose tasks override
# add_done_callback, and through eager_task_factory: the group's bookkeeping
# goes through the overridden method, and eager tasks that finish at once
# never join the group's pending set.
import asyncio


class LoudTask(asyncio.Task):
    def add_done_callback(self, fn, *, context=None):
        print("add_done_callback on", self.get_name(), "->", getattr(fn, "__name__", fn))
        super().add_done_callback(fn, context=context)


def loud_factory(loop, coro, *, context=None):
    return LoudTask(coro, loop=loop, context=context)


async def work(n, delay):
    await asyncio.sleep(delay)
    print("work", n, "done")
    return n


async def instant(n):
    print("instant", n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(loud_factory)
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(1, 0.2), name="a")
        b = tg.create_task(work(2, 0.1))
        print("created", a.get_name(), type(b).__name__)
    print("results", a.result(), b.result())

    loop.set_task_factory(asyncio.eager_task_factory)
    async with asyncio.TaskGroup() as tg:
        c = tg.create_task(instant(3))
        print("c done right away:", c.done(), c.result())
        d = tg.create_task(work(4, 0.05))
        print("d done right away:", d.done())
    print("results", c.result(), d.result())

    loop.set_task_factory(None)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(5, 0.1))
            t = tg.create_task(instant(6))
            t.add_done_callback(lambda f: print("extra callback sees", f.result()))
            raise ValueError("body failed")
    except* ValueError as eg:
        print("caught", eg.exceptions)


asyncio.run(main())
