# Condition: notify(n) wakes the first n waiters; each re-acquires the lock in turn.
import asyncio

async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        item = items.pop(0)
        print(f"{asyncio.get_running_loop().time():.2f} {name} took {item}")

async def main():
    cond = asyncio.Condition()
    items = []
    ts = [asyncio.create_task(consumer(cond, items, f"C{i}")) for i in range(4)]
    await asyncio.sleep(1)
    async with cond:
        items.extend(["x", "y"])
        cond.notify(2)
    await asyncio.sleep(1)
    async with cond:
        items.extend(["z", "w"])
        cond.notify_all()
    await asyncio.gather(*ts)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
