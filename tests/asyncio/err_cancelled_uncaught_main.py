import asyncio


async def worker():
    await asyncio.sleep(10)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel("shutting down")
    await t


asyncio.run(main())
