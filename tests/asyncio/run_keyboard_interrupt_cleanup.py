# run keyboard interrupt cleanup.
import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker finally")

async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    raise KeyboardInterrupt

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
