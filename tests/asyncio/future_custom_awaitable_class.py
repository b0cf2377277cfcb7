import asyncio


class Countdown:
    def __init__(self, n, delay):
        self.n = n
        self.delay = delay

    def __await__(self):
        for i in range(self.n, 0, -1):
            print("countdown", i)
            yield from asyncio.sleep(self.delay).__await__()
        return "liftoff"


class Ready:
    def __await__(self):
        return iter([])


class BadAwait:
    def __await__(self):
        return 42


async def main():
    print(await Countdown(3, 0.1))
    print(await Ready())
    t = asyncio.ensure_future(Countdown(1, 0.05))
    print(type(t).__name__, await t)
    try:
        await BadAwait()
    except TypeError as e:
        print("TypeError:", e)
    print(await asyncio.gather(Countdown(2, 0.1), asyncio.sleep(0.05, "s")))


asyncio.run(main())
