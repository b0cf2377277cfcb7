# queue pipeline stages.
import asyncio

async def produce(out_q, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await asyncio.sleep(0.3)
        await out_q.put(i)
        print(f"{loop.time():.2f} produced {i}")
    await out_q.put(None)

async def transform(in_q, out_q):
    loop = asyncio.get_running_loop()
    while (item := await in_q.get()) is not None:
        await asyncio.sleep(0.5)
        await out_q.put(item * 10)
        print(f"{loop.time():.2f} transformed {item}")
    await out_q.put(None)

async def consume(in_q):
    total = []
    while True:
        item = await in_q.get()
        if item is None:
            return total
        total.append(item)

async def main():
    q1, q2 = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)
    _, _, res = await asyncio.gather(produce(q1, 4), transform(q1, q2), consume(q2))
    print(res, f"{asyncio.get_running_loop().time():.2f}")

asyncio.run(main())
