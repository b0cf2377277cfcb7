# A producer and two consumers; join() waits until every item is marked task_done().
import asyncio

async def producer(q):
    for i in range(6):
        await asyncio.sleep(0.1)
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.2f} produced {i}")

async def consumer(q, name, cost):
    while True:
        item = await q.get()
        print(f"{asyncio.get_running_loop().time():.2f} {name} got {item}")
        await asyncio.sleep(cost)
        q.task_done()

async def main():
    q = asyncio.Queue()
    cs = [asyncio.create_task(consumer(q, "c1", 0.27)), asyncio.create_task(consumer(q, "c2", 0.33))]
    await producer(q)
    await q.join()
    print(f"{asyncio.get_running_loop().time():.2f} all items processed")
    for c in cs:
        c.cancel()
    await asyncio.gather(*cs, return_exceptions=True)

asyncio.run(main())
