import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1", 1))
            await asyncio.sleep(2)
    except asyncio.CancelledError:
        print("parent cancelled; cancelling() =", asyncio.current_task().cancelling())
        raise


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent task cancelled:", p.cancelled())
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child("solo", 0.1))
    print(repr(tg).startswith("<TaskGroup"), t.done())


asyncio.run(main())
