# aclose() runs the generator's finally block; breaking out of async for does not.
import asyncio

async def resource(name):
    print(name, "opened")
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print(name, "closed in finally")

async def main():
    g = resource("explicit")
    async for x in g:
        if x == 2:
            break
    print("broke out at 2")
    await g.aclose()
    print("after aclose")
    g2 = resource("asend")
    print(await g2.asend(None))
    print(await g2.__anext__())
    await g2.aclose()
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")

asyncio.run(main())
