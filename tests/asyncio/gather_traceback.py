# The failing child's exception escapes main with the child's frames.
import asyncio

async def fetch(n):
    await asyncio.sleep(n / 10)
    if n == 2:
        raise ConnectionError(f"fetch {n} failed")
    return n

async def main():
    print(await asyncio.gather(*(fetch(n) for n in range(4))))

asyncio.run(main())
