# tg nested groups uncaught.
import asyncio

async def fail(n, exc):
    await asyncio.sleep(n)
    raise exc

async def sub():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(0.1, KeyError("inner-a")))
        tg.create_task(fail(0.2, ValueError("inner-b")))

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sub())
            tg.create_task(fail(0.5, OSError("outer")))
    except* OSError:
        print("unreachable: OSError task was cancelled")
    finally:
        print("finally in main")

asyncio.run(main())
