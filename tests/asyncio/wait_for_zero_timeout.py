# wait_for with a timeout of 0: the awaitable is cancelled at once; the
# TimeoutError comes with CPython's frames of that path.
import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(1), 0)

asyncio.run(main())
