# gc orphan future task.
import asyncio
import gc

async def forever():
    fut = asyncio.get_running_loop().create_future()
    print("waiting on an orphan future")
    await fut

async def main():
    asyncio.create_task(forever(), name="orphan")
    await asyncio.sleep(0.1)
    gc.collect()
    print("collected")
    await asyncio.sleep(0.1)
    print("main returns")

asyncio.run(main())
