import asyncio
import gc


async def wait_forever():
    await asyncio.get_running_loop().create_future()


async def main():
    asyncio.create_task(wait_forever())  # nothing keeps it: only the loop's weak set
    await asyncio.sleep(0)
    gc.collect()
    print("collected")


asyncio.run(main())
