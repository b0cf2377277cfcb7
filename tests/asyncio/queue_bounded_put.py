# put() on a full queue waits until a consumer makes room.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=1)
    async def slow_consumer():
        for _ in range(3):
            await asyncio.sleep(1)
            print(f"{loop.time():.2f} consumer took", q.get_nowait())
    c = asyncio.create_task(slow_consumer())
    for i in range(3):
        await q.put(i)
        print(f"{loop.time():.2f} put {i}")
    await c

asyncio.run(main())
