"""Producer/consumer with a bounded Queue.

Watch: the producer waits whenever the queue is full; None tells the consumer to stop.
"""
import asyncio

async def producer(q):
    for i in range(5):
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.2f} put {i} (size {q.qsize()})")
    await q.put(None)

async def consumer(q):
    while (item := await q.get()) is not None:
        await asyncio.sleep(0.4)
        print(f"{asyncio.get_running_loop().time():.2f} consumed {item}")

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
