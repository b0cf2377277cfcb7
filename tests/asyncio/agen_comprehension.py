# Async comprehensions: list, set (printed sorted), dict, with filters and awaits.
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def main():
    print([x async for x in numbers(5)])
    print([await square(x) async for x in numbers(5) if x % 2 == 0])
    print(sorted({x % 3 async for x in numbers(6)}))
    print({x: await square(x) async for x in numbers(3)})
    print([await square(x) for x in range(4)])
    print(f"{asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
