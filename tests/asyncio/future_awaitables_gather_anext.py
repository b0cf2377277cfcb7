import asyncio


class Ticket:
    def __await__(self):
        yield from asyncio.sleep(0.5).__await__()
        return "ticket"


async def job(n):
    await asyncio.sleep(n / 10)
    return n


async def numbers():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i


async def main():
    coros = [job(1), job(2)]
    try:
        await asyncio.gather(coros)
    except TypeError as e:
        print("TypeError:", e)
    print(await asyncio.gather(*coros))
    print(await Ticket())
    print(await asyncio.gather(Ticket(), job(3)))
    t = asyncio.ensure_future(Ticket())
    print(type(t).__name__, await t)
    it = numbers()
    print(await anext(it), await anext(it), await anext(it))
    print(await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = job(4)
    print(type(c.__await__()).__name__)
    print(await c)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.gather(job(1), 5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
