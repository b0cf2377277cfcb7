import asyncio


async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("victim cancelled")
        raise


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancelled:", t.cancelled())


asyncio.run(main())
