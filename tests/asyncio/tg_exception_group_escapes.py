# tg exception group escapes.
import asyncio

async def bad(n):
    await asyncio.sleep(n)
    raise ValueError(f"bad {n}")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(0.5))
        tg.create_task(bad(0.25))

asyncio.run(main())
