# agen aiter class.
import asyncio

class Ticker:
    def __init__(self, n, delay):
        self.n, self.delay, self.i = n, delay, 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i

class NotIter:
    pass

async def main():
    loop = asyncio.get_running_loop()
    async for k in Ticker(3, 0.5):
        print(f"{loop.time():.2f} tick {k}")
    print([k * 2 async for k in Ticker(4, 0.1)])
    try:
        async for k in NotIter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    async for k in Ticker(5, 0.1):
        if k == 2:
            continue
        if k == 4:
            break
        print("k", k)
    else:
        print("no break")
    print(f"{loop.time():.2f}")

asyncio.run(main())
