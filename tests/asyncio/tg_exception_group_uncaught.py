import asyncio


async def fetch(name, delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name}: connection reset")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("db", 0.1, True))
        tg.create_task(fetch("cache", 0.1, True))
        tg.create_task(fetch("api", 0.2, False))


asyncio.run(main())
