"""A background ticker started with create_task and stopped with cancel().

Watch: the ticker runs while main works; cancel() ends it at the next await.
"""
import asyncio

async def ticker(period):
    n = 0
    try:
        while True:
            await asyncio.sleep(period)
            n += 1
            print(f"{asyncio.get_running_loop().time():.2f} tick {n}")
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} ticker stopped after {n} ticks")
        raise

async def main():
    t = asyncio.create_task(ticker(0.3))
    await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.2f} main done working")
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)

asyncio.run(main())
