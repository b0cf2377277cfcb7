import asyncio
import time


def blocking(d):
    time.sleep(d)
    return d


async def main():
    r = await asyncio.to_thread(blocking, 0.2)
    print("result", r)


asyncio.run(main())
