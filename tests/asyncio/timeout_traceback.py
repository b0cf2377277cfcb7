# An uncaught TimeoutError from asyncio.timeout: the CancelledError is its cause.
import asyncio

async def main():
    async with asyncio.timeout(0.5):
        await asyncio.sleep(2)

asyncio.run(main())
