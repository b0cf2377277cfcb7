# A block that catches the cancellation itself exits normally: no TimeoutError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print(f"{loop.time():.2f} caught the cancellation inside the block")
    print(f"{loop.time():.2f} after the block: expired() =", cm.expired(),
          "cancelling() =", asyncio.current_task().cancelling())

asyncio.run(main())
