# An exception raised inside an async generator propagates through async for
# with the generator's frame in the traceback.
class Tick:
    def __await__(self):
        yield "tick"


async def readings():
    yield 1
    await Tick()
    yield 2
    raise ValueError("sensor failed")


async def main():
    total = 0
    async for r in readings():
        print("reading", r)
        total += r
    print("not reached", total)

coro = main()
while True:
    print("main awaits", coro.send(None))
