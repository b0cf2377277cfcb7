# An exception in a plain callback is logged by the loop's exception handler;
# the loop keeps running.
import asyncio

def bad():
    raise ZeroDivisionError("callback failed")

def good():
    print("good callback ran")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    loop.call_soon(good)
    await asyncio.sleep(0.1)
    print("main still running")

asyncio.run(main())
