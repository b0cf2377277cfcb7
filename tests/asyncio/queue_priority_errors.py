# queue priority errors.
import asyncio

class Job:
    def __init__(self, name):
        self.name = name

async def main():
    pq = asyncio.PriorityQueue()
    await pq.put((2, "b"))
    await pq.put((1, "a"))
    await pq.put((1, "a0"))
    print(pq.qsize(), await pq.get(), await pq.get())
    try:
        await pq.put((2, Job("x")))
        await pq.put((2, Job("y")))
    except TypeError as e:
        print("TypeError:", e)
    q = asyncio.Queue(maxsize=-1)
    for i in range(3):
        q.put_nowait(i)
    print(q.full(), q.maxsize, q.qsize())
    waiter = asyncio.create_task(asyncio.Queue().get())
    await asyncio.sleep(0)
    waiter.cancel()
    print(await asyncio.gather(waiter, return_exceptions=True))

asyncio.run(main())
