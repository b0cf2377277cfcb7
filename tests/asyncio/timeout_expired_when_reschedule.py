# timeout expired when reschedule.
import asyncio

async def slow(d, label):
    try:
        await asyncio.sleep(d)
        return label
    except asyncio.CancelledError:
        print(label, "got cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            print("deadline", f"{cm.when():.2f}", cm.expired())
            await slow(5, "t1")
    except TimeoutError as e:
        print("timeout!", repr(e), type(e).__name__, f"{loop.time():.2f}", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("none", cm.when())
        cm.reschedule(loop.time() + 0.5)
        try:
            await slow(2, "t2")
        except asyncio.CancelledError:
            print("inside sees CancelledError")
            raise
    print("unreached")

async def main2():
    loop = asyncio.get_running_loop()
    try:
        await main()
    except TimeoutError:
        print("outer TimeoutError", f"{loop.time():.2f}")
    try:
        print(await asyncio.wait_for(slow(0.5, "w1"), timeout=1))
        print(await asyncio.wait_for(slow(3, "w2"), timeout=1))
    except asyncio.TimeoutError as e:
        print("wait_for timeout", e.__class__ is TimeoutError, f"{loop.time():.2f}")
    try:
        async with asyncio.timeout_at(loop.time() + 2):
            async with asyncio.timeout(0.5):
                await slow(1, "inner")
    except TimeoutError:
        print("not here")
    except Exception as e:
        print("other", e)
    else:
        print("unreachable?")
    print(f"{loop.time():.2f}")

asyncio.run(main2())
