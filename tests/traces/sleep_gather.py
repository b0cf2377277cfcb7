import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name


async def main():
    print(await asyncio.gather(work("a", 0.2), work("b", 0.1)))


asyncio.run(main())
