# timeout wait for variants.
import asyncio

async def slow(label, d):
    try:
        await asyncio.sleep(d)
        return label
    finally:
        print(label, "finally", f"{asyncio.get_running_loop().time():.2f}")

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow("none", 1), None))
    try:
        await asyncio.wait_for(slow("zero", 1), 0)
    except TimeoutError:
        print("timeout 0", f"{loop.time():.2f}")
    t = asyncio.create_task(slow("task", 2))
    try:
        await asyncio.wait_for(t, 0.5)
    except TimeoutError:
        print("task after wait_for:", t.cancelled(), f"{loop.time():.2f}")
    async def canceller(target):
        await asyncio.sleep(0.3)
        target.cancel()
    me = asyncio.create_task(asyncio.wait_for(slow("outer", 5), 2))
    asyncio.create_task(canceller(me))
    try:
        await me
    except asyncio.CancelledError:
        print("outer cancel wins", f"{loop.time():.2f}")
    try:
        async with asyncio.timeout(1):
            await asyncio.wait_for(slow("nested", 3), 2)
    except TimeoutError as e:
        print("nested timeout", f"{loop.time():.2f}", repr(e.__cause__), type(e.__context__).__name__)
    try:
        async with asyncio.timeout(-1):
            print("already expired, body runs")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("expired immediately", f"{loop.time():.2f}")

asyncio.run(main())
