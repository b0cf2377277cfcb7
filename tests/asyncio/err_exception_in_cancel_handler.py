# Raising a different exception while handling cancellation replaces it.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except RuntimeError as e:
        print("await raised", repr(e), "| context:", repr(e.__context__))
    print("cancelled():", t.cancelled())

asyncio.run(main())
