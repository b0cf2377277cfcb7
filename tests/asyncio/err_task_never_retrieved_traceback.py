# A failing background task nobody awaits: logged with its traceback when freed.
import asyncio

async def level2():
    raise IndexError("out of range")

async def level1():
    await asyncio.sleep(0.2)
    await level2()

async def main():
    asyncio.create_task(level1())
    await asyncio.sleep(1)
    print("main finished")

asyncio.run(main())
