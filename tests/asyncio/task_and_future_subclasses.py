# Subclasses of asyncio.Task and asyncio.Future: a task factory that
# records when each task was created, an overridden cancel(), instance
# attributes, reprs, gather and all_tasks over them, a pending subclass task
# lost to the garbage collector, and a Future subclass with its own __init__.
import asyncio
import gc


class TimedTask(asyncio.Task):
    created = []

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        super().__init__(coro, loop=loop, name=name, context=context, eager_start=eager_start)
        self.born = self.get_loop().time()
        TimedTask.created.append(self.get_name())

    def cancel(self, msg=None):
        print(f"cancel({msg!r}) asked of {self.get_name()} born at {self.born:.2f}")
        return super().cancel(msg)


def timed_factory(loop, coro, **kwargs):
    return TimedTask(coro, loop=loop, **kwargs)


class Box(asyncio.Future):
    def __init__(self, label, *, loop=None):
        super().__init__(loop=loop)
        self.label = label

    def __repr__(self):
        return f"<Box {self.label} done={self.done()}>"


async def nap(n, d):
    await asyncio.sleep(d)
    return n


async def forever():
    await asyncio.Event().wait()


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(timed_factory)
    await asyncio.sleep(0.5)
    t1 = asyncio.create_task(nap(1, 0.1), name="first")
    t2 = loop.create_task(nap(2, 0.2))
    print(type(t1).__name__, isinstance(t1, asyncio.Task), isinstance(t1, asyncio.Future))
    print(repr(t1)[:40])
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(await asyncio.gather(t1, t2))
    print("created:", TimedTask.created)
    t3 = asyncio.create_task(nap(3, 5))
    await asyncio.sleep(0)
    t3.cancel("enough")
    try:
        await t3
    except asyncio.CancelledError as e:
        print("t3 cancelled:", e.args, t3.cancelled())
    t4 = asyncio.create_task(nap(4, 1))
    try:
        async with asyncio.timeout(0.1):
            await t4
    except TimeoutError:
        print("timed out; t4 cancelled:", t4.cancelled())
    print("born:", round(t4.born, 2))

    loop.set_task_factory(None)
    box = Box("parcel")
    print(box, asyncio.isfuture(box), type(box).__mro__[1].__name__)
    loop.call_later(0.3, box.set_result, "contents")
    print(await box, box)
    b2 = Box("empty")
    b2.cancel()
    print(b2.cancelled(), b2)
    print(asyncio.ensure_future(box) is box)

    loop.set_task_factory(timed_factory)
    asyncio.create_task(forever(), name="orphan")
    await asyncio.sleep(0)
    gc.collect()
    await asyncio.sleep(0)
    print(f"end at {loop.time():.2f}")


asyncio.run(main())
