# gather of gathers: results nest; timings overlap.
import asyncio

async def work(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(asyncio.gather(work(1), work(3)), asyncio.gather(work(2), work(4)), work(5))
    print(f"{loop.time():.2f}", r)

asyncio.run(main())
