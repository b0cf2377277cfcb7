import asyncio
async def a():
    await asyncio.sleep(0.1)
    raise KeyError("a")
async def b():
    await asyncio.sleep(0.2)
    raise IndexError("b")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(a())
        tg.create_task(b())
asyncio.run(main())
