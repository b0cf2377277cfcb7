# A task that fails while being cancelled at shutdown is reported by asyncio.run.
import asyncio

async def fails_on_cancel():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        raise ValueError("oops during cleanup")

keep = None

async def main():
    global keep
    keep = asyncio.create_task(fails_on_cancel())
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
print("program continues")
