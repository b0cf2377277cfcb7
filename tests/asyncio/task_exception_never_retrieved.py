# A task that fails with nobody awaiting it: "Task exception was never retrieved"
# when the task object is freed.
import asyncio

async def bad():
    raise ValueError("boom")

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print("main done")

asyncio.run(main())
