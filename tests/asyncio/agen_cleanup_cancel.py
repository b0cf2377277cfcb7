import asyncio


async def ticker(n, delay):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(delay)
    except GeneratorExit:
        print("ticker closed early")
        raise
    finally:
        print("ticker finally")


async def consume():
    async for i in ticker(10, 0.1):
        print("tick", i)


async def main():
    t = asyncio.create_task(consume())
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("consumer cancelled")
    gen = ticker(3, 0.01)
    print(await anext(gen))
    await gen.aclose()
    print([i async for i in ticker(3, 0.01)])
    async def squares():
        for i in range(3):
            yield i * i
    print(await anext(squares()), [x async for x in squares() if x])


asyncio.run(main())
