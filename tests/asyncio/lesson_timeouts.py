"""Timeouts with asyncio.timeout and wait_for.

Watch: the slow call is cancelled at the deadline and turned into TimeoutError.
"""
import asyncio

async def call_api(cost):
    await asyncio.sleep(cost)
    return f"answer after {cost}"

async def main():
    loop = asyncio.get_running_loop()
    for cost in (0.5, 2):
        try:
            async with asyncio.timeout(1):
                r = await call_api(cost)
            print(f"{loop.time():.2f} timeout(): {r}")
        except TimeoutError:
            print(f"{loop.time():.2f} timeout(): gave up")
        try:
            r = await asyncio.wait_for(call_api(cost), 1)
            print(f"{loop.time():.2f} wait_for(): {r}")
        except TimeoutError:
            print(f"{loop.time():.2f} wait_for(): gave up")

asyncio.run(main())
