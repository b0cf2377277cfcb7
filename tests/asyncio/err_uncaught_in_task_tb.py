import asyncio


async def parse(text):
    await asyncio.sleep(0.01)
    return int(text)


async def worker(items):
    total = 0
    for it in items:
        total += await parse(it)
    return total


async def main():
    print(await worker(["1", "2"]))
    t = asyncio.create_task(worker(["3", "x"]), name="parser")
    await t


asyncio.run(main())
