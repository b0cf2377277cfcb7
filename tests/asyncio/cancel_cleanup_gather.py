import asyncio
async def cleanup_on_cancel(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cleaning up")
        await asyncio.sleep(0.5)
        print(name, "cleaned", f"{asyncio.get_running_loop().time():.2f}")
        raise
    finally:
        print(name, "finally")
async def main():
    t = asyncio.create_task(cleanup_on_cancel("t1"))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancel", t.cancelled())
    outer = asyncio.gather(cleanup_on_cancel("g1"), cleanup_on_cancel("g2"))
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("gather cancelled", f"{asyncio.get_running_loop().time():.2f}")
asyncio.run(main())
