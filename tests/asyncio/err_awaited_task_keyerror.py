# err awaited task keyerror.
import asyncio

async def level2():
    await asyncio.sleep(0.1)
    d = {}
    return d["missing"]

async def level1():
    return await level2()

async def main():
    t = asyncio.create_task(level1())
    await asyncio.sleep(0.5)
    print("about to await")
    await t

asyncio.run(main())
