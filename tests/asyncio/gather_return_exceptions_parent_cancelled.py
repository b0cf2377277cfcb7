# gather return exceptions parent cancelled.
import asyncio

async def child(n):
    try:
        await asyncio.sleep(n)
        return n
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(child(1), child(2), return_exceptions=True)
    async def parent():
        return await g
    p = asyncio.create_task(parent())
    await asyncio.sleep(1.5)
    p.cancel()
    try:
        print(await p)
    except asyncio.CancelledError:
        print("parent cancelled", g.cancelled(), g.done(), f"{loop.time():.2f}")

asyncio.run(main())
