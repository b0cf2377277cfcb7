# gc forgot await sleep.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("start", f"{loop.time():.2f}")
    asyncio.sleep(1)
    print("no wait happened", f"{loop.time():.2f}")
    await asyncio.sleep(1)
    print("real wait", f"{loop.time():.2f}")

asyncio.run(main())
