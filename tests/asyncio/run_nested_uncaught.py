import asyncio


async def job(n):
    await asyncio.sleep(0.1)
    return n


async def main():
    asyncio.run(job(2))


asyncio.run(main())
