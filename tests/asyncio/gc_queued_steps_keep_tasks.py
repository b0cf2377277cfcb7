# Tasks that only the ready queue holds (the program keeps no reference)
# survive gc.collect(): first steps just scheduled, and wake-ups queued by
# event.set() and by a finished future, before any of them has run. Were
# one lost, "Task was destroyed but it is pending!" would say so.
import asyncio
import gc


async def waiter(name, ev):
    await ev.wait()
    print(name, "woke")


async def on_future(name, fut):
    print(name, "got", await fut)


async def fresh(name):
    print(name, "first step")
    await asyncio.sleep(0)
    print(name, "second step")


async def main():
    ev = asyncio.Event()
    fut = asyncio.get_running_loop().create_future()
    for i in range(3):
        asyncio.create_task(waiter(f"w{i}", ev))
    asyncio.create_task(on_future("f", fut))
    await asyncio.sleep(0)              # all of them park
    ev.set()                            # wake-ups queued
    fut.set_result(42)
    for i in range(2):
        asyncio.create_task(fresh(f"n{i}"))   # first steps queued
    gc.collect()
    print("tasks before running:", len(asyncio.all_tasks()))
    await asyncio.sleep(0.01)
    print("tasks after:", len(asyncio.all_tasks()))


asyncio.run(main())
