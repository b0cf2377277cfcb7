# athrow() raises inside the generator at its yield.
import asyncio

async def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("generator caught", repr(e))
        yield "recovered"

async def main():
    g = gen()
    print(await g.__anext__())
    print(await g.athrow(ValueError("injected")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")

asyncio.run(main())
