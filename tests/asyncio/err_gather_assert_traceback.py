# err gather assert traceback.
import asyncio

async def leaf(n):
    await asyncio.sleep(n / 10)
    assert n != 2, f"n must not be {n}"
    return n

async def branch():
    return await asyncio.gather(leaf(1), leaf(2), leaf(3))

async def main():
    print(await branch())

asyncio.run(main())
