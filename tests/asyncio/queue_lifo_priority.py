# LifoQueue and PriorityQueue ordering.
import asyncio

async def main():
    lq = asyncio.LifoQueue()
    for x in (1, 2, 3):
        await lq.put(x)
    print("lifo:", [lq.get_nowait() for _ in range(3)])
    pq = asyncio.PriorityQueue()
    for item in ((3, "low"), (1, "high"), (2, "mid"), (1, "also high")):
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        out.append(await pq.get())
    print("priority:", out)

asyncio.run(main())
