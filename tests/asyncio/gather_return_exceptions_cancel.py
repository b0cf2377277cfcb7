import asyncio


async def ok(n):
    await asyncio.sleep(0.1 * n)
    return n


async def bad():
    await asyncio.sleep(0.05)
    raise ZeroDivisionError("division by zero in bad()")


async def main():
    t = asyncio.create_task(ok(5))
    g = asyncio.gather(ok(1), bad(), t, return_exceptions=True)
    await asyncio.sleep(0.2)
    t.cancel()
    res = await g
    for r in res:
        print(type(r).__name__, r)
    print(g)


asyncio.run(main())
