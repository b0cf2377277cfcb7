# task cancel during cleanup.
import asyncio

async def worker():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{loop.time():.2f} cleanup begins")
        try:
            await asyncio.sleep(1)
            print("cleanup finished")
        except asyncio.CancelledError:
            print(f"{loop.time():.2f} cleanup itself cancelled")
            raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("worker gone", t.cancelling())
    t2 = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    try:
        async with asyncio.timeout(0.5):
            t2.cancel()
            await t2
    except asyncio.CancelledError:
        print("t2 cancelled normally")
    except TimeoutError:
        print("timeout during cleanup wait")

asyncio.run(main())
