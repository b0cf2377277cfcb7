# A CancelledError that escapes main: its traceback goes through asyncio internals.
import asyncio

async def main():
    asyncio.get_running_loop().call_later(0.5, asyncio.current_task().cancel, "shutting down")
    await asyncio.sleep(5)

asyncio.run(main())
