# Two tasks each consume an async generator that sleeps between items: the
# generator bodies park with their tasks and the output interleaves by time.
import asyncio


async def source(name, period, n):
    print(f"{name} opens")
    try:
        for i in range(n):
            await asyncio.sleep(period)
            yield f"{name}{i}"
    finally:
        print(f"{name} closes")


async def consume(name, period, n):
    loop = asyncio.get_running_loop()
    async for item in source(name, period, n):
        print(f"{loop.time() - start:.1f} {item}")
    return name


async def pipeline():
    async def doubled(agen):
        async for x in agen:
            await asyncio.sleep(0.05)
            yield x * 2

    async def numbers():
        for i in range(3):
            await asyncio.sleep(0.1)
            yield i

    return [x async for x in doubled(numbers())]


async def cancelled_mid_item():
    async def slow():
        try:
            yield 1
            await asyncio.sleep(10)
            yield 2
        finally:
            print("slow finally sees the cancellation")

    async def reader():
        async for x in slow():
            print("reader got", x)

    t = asyncio.create_task(reader())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("reader cancelled")


async def main():
    global start
    start = asyncio.get_running_loop().time()
    results = await asyncio.gather(consume("a", 0.3, 3), consume("b", 0.5, 2))
    print(results)
    print(await pipeline())
    await cancelled_mid_item()

    g = source("manual", 0.2, 5)
    print(await g.__anext__())
    print(await anext(g))
    await g.aclose()
    print("after aclose", g.ag_running)

asyncio.run(main())
