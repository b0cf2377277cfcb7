import asyncio


async def main():
    x = await asyncio.sleep(0.1, "v")
    y: int = await asyncio.sleep(0.1)
    z = 1 + await asyncio.sleep(0.1, 1)
    print(await asyncio.sleep(0.1, "w"))


asyncio.run(main())
