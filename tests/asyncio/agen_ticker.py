# A ticker async generator with a deadline-based period (no drift).
import asyncio

async def ticker(period, count):
    loop = asyncio.get_running_loop()
    start = loop.time()
    for n in range(1, count + 1):
        await asyncio.sleep(start + n * period - loop.time())
        yield n

async def main():
    loop = asyncio.get_running_loop()
    async for n in ticker(0.5, 4):
        print(f"{loop.time():.2f} tick {n}")
        if n == 2:
            await asyncio.sleep(0.2)

asyncio.run(main())
