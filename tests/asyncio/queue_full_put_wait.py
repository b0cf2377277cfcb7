import asyncio
async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("full", q.full(), q.qsize())
    async def late_get():
        await asyncio.sleep(0.3)
        print("got", q.get_nowait())
    asyncio.create_task(late_get())
    await q.put("b")
    print(f"put b at {asyncio.get_running_loop().time():.2f}")
    try:
        await asyncio.wait_for(q.put("c"), 0.1)
    except TimeoutError:
        print("put c timed out", q.qsize())
    print(q.get_nowait(), q.empty())
asyncio.run(main())
