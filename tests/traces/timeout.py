import asyncio


async def main():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(2)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())


asyncio.run(main())
