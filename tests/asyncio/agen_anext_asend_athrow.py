# agen anext asend athrow.
import asyncio

async def countdown(n, delay):
    try:
        while n > 0:
            await asyncio.sleep(delay)
            yield n
            n -= 1
    finally:
        print("countdown finally", n)

async def squares(src):
    async for x in src:
        yield x * x

async def main():
    loop = asyncio.get_running_loop()
    async for v in countdown(3, 0.5):
        print(f"{loop.time():.2f}", v)
    print([x async for x in squares(countdown(4, 0.1)) if x % 2 == 0])
    print({x: await asyncio.sleep(0, x * 2) for x in range(3)})
    g = countdown(5, 1)
    print(await g.__anext__(), await anext(g))
    print(await g.asend(None))
    await g.aclose()
    try:
        await anext(g)
    except StopAsyncIteration:
        print("exhausted after aclose")
    g1 = countdown(1, 1)
    print(await anext(g1))
    await g1.aclose()
    g2 = countdown(3, 0.1)
    await anext(g2)
    try:
        await g2.athrow(ValueError("injected"))
    except ValueError as e:
        print("athrow propagated", e)
    gen = (i async for i in countdown(2, 0.1))
    print(type(gen).__name__, [i async for i in gen])
    ai = aiter(countdown(2, 0.2))
    print(await anext(ai))
    await ai.aclose()
    print(f"{loop.time():.2f}")

asyncio.run(main())
