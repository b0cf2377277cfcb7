# contextlib.asynccontextmanager and nested async with.
import asyncio
import contextlib

@contextlib.asynccontextmanager
async def timed(label):
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"{label} enter")
    try:
        yield label
    finally:
        print(f"{label} exit after {loop.time() - start:.2f}")

async def main():
    async with timed("outer") as a, timed("inner") as b:
        print("body", a, b)
        await asyncio.sleep(0.5)
    async with contextlib.AsyncExitStack() as stack:
        for n in range(3):
            await stack.enter_async_context(timed(f"stack{n}"))
        await asyncio.sleep(0.25)

asyncio.run(main())
