import asyncio
lock = asyncio.Lock()
order = []
async def critical(n):
    async with lock:
        order.append(f"in {n}")
        await asyncio.sleep(0.1)
        order.append(f"out {n}")
async def main():
    await asyncio.gather(*(critical(n) for n in range(4)))
    print(order)
    print(lock.locked())
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.2)
        ev.set()
    asyncio.create_task(setter())
    print(await ev.wait(), ev.is_set())
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.1)
    except TimeoutError:
        print("event wait timed out")
asyncio.run(main())
