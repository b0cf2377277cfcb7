# An ExceptionGroup from a TaskGroup that nobody catches: the full group traceback.
import asyncio

async def child(n):
    await asyncio.sleep(n)
    raise ValueError(f"child {n} failed")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(1))
        tg.create_task(child(2))
    print("never printed")

asyncio.run(main())
