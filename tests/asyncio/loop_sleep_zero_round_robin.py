# loop sleep zero round robin.
import asyncio

async def spinner(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name

async def main():
    r = await asyncio.gather(spinner("A", 3), spinner("B", 2), spinner("C", 4))
    print(r)
    t = asyncio.create_task(spinner("T", 2))
    print("before yield")
    await asyncio.sleep(0)
    print("after one yield")
    await t

asyncio.run(main())
