# Where asyncio cancels an object by calling its cancel() (a task cancels
# the task it awaits, timeout and wait_for cancel their task, gather its
# children), a Task subclass's own cancel() runs; a direct call runs it too.
import asyncio


class Noisy(asyncio.Task):
    def cancel(self, msg=None):
        print("Noisy.cancel", repr(msg), "for", self.get_name())
        return super().cancel(msg)


async def nap():
    await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(lambda loop, coro, **kw: Noisy(coro, loop=loop, **kw))
    t = asyncio.create_task(nap(), name="direct")
    await asyncio.sleep(0)
    print("returned", t.cancel("direct"))
    t2 = asyncio.create_task(nap(), name="under-timeout")
    try:
        async with asyncio.timeout(0.1):
            await t2
    except TimeoutError:
        print("timeout; t2 cancelled:", t2.cancelled())
    t3 = asyncio.create_task(nap(), name="wait_for")
    try:
        await asyncio.wait_for(t3, 0.1)
    except TimeoutError:
        print("wait_for timed out")
    t4 = asyncio.create_task(nap(), name="gathered")
    await asyncio.sleep(0)
    g = asyncio.gather(t4)
    g.cancel("stop")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled:", e.args)
    print("second cancel of a done task:", t.cancel())


asyncio.run(main())
