"""Producer and consumer with a bounded Queue

What to watch for: the producer makes an item every 0.1 s, the consumer needs
0.35 s per item. Once the queue holds two items, put() suspends the producer
until the consumer takes one, so the fast side is held back to the pace of the
slow side. queue.join() waits until every item has been marked task_done();
then the consumer, idle in get(), is cancelled.
"""
import asyncio


async def producer(queue, count):
    loop = asyncio.get_running_loop()
    for n in range(count):
        await asyncio.sleep(0.1)        # making an item
        await queue.put(n)              # waits while the queue is full
        print(f"{loop.time():.2f}  put {n}       queue size {queue.qsize()}")


async def consumer(queue):
    loop = asyncio.get_running_loop()
    while True:
        n = await queue.get()           # waits while the queue is empty
        await asyncio.sleep(0.35)       # handling it
        print(f"{loop.time():.2f}  handled {n}")
        queue.task_done()


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=2)
    worker = asyncio.create_task(consumer(queue))
    await producer(queue, 6)
    print(f"{loop.time():.2f}  producer done, waiting for the queue to drain")
    await queue.join()
    worker.cancel()
    print(f"{loop.time():.2f}  all handled; consumer stopped")


asyncio.run(main())
