# asyncio.timeout cancels the block at the deadline and turns it into TimeoutError.
import asyncio

async def slow(d):
    try:
        await asyncio.sleep(d)
        return f"slow({d})"
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} slow({d}) cancelled; cancelling() =",
              asyncio.current_task().cancelling())
        raise

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2) as cm:
            print(f"{loop.time():.2f} entered", cm)
            await slow(5)
    except TimeoutError as e:
        print(f"{loop.time():.2f} TimeoutError; __cause__ =", repr(e.__cause__), "|", cm,
              "| expired() =", cm.expired(), "| cancelling() =", asyncio.current_task().cancelling())
    async with asyncio.timeout(2) as cm:
        print("fast enough:", await slow(1))
    print(cm, "expired() =", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when(), await slow(0.5))

asyncio.run(main())
