# An async generator driven by async for; each item arrives after a sleep.
import asyncio

async def ticks(n, period):
    for i in range(n):
        await asyncio.sleep(period)
        yield i

async def main():
    loop = asyncio.get_running_loop()
    async for i in ticks(4, 0.25):
        print(f"{loop.time():.2f} tick {i}")
    print("done")

asyncio.run(main())
