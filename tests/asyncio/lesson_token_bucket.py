# lesson token bucket.
import asyncio

class Bucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.stamp = None
        self.lock = asyncio.Lock()

    async def take(self):
        loop = asyncio.get_running_loop()
        async with self.lock:
            while True:
                now = loop.time()
                if self.stamp is not None:
                    self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
                self.stamp = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) / self.rate)

async def client(b, i):
    await b.take()
    print(f"{asyncio.get_running_loop().time():.2f} request {i}")

async def main():
    b = Bucket(rate=4, capacity=2)
    await asyncio.gather(*(client(b, i) for i in range(7)))

asyncio.run(main())
