# A woken getter re-checks the queue; if someone took the item first it re-queues at the end.
import asyncio

async def main():
    q = asyncio.Queue()
    async def getter(n):
        print(n, "got", await q.get())
    g0 = asyncio.create_task(getter("G0"))
    g1 = asyncio.create_task(getter("G1"))
    await asyncio.sleep(0)
    q.put_nowait("x")
    print("main steals", q.get_nowait())
    q.put_nowait("y")
    await asyncio.sleep(0)
    q.put_nowait("z")
    await asyncio.gather(g0, g1)

asyncio.run(main())
