import asyncio


async def slow(label):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(label, "got CancelledError")
        await asyncio.sleep(0.2)
        print(label, "cleanup done")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow("wait_for"), timeout=0.3)
    except TimeoutError as e:
        print(f"{loop.time() - t0:.2f} TimeoutError", repr(e.__cause__))
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.3) as cm:
            await slow("timeout()")
    except TimeoutError:
        print(f"{loop.time() - t0:.2f} timeout expired={cm.expired()}")
    print(cm)


asyncio.run(main())
