# StopAsyncIteration raised inside an async generator body becomes a
# RuntimeError (its cause is the original), so it cannot end the loop silently.
async def broken():
    yield 1
    raise StopAsyncIteration("too early")


async def main():
    async for x in broken():
        print("got", x)

coro = main()
coro.send(None)
