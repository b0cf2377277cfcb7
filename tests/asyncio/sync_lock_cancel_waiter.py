# A waiter cancelled while queued on a Lock leaves the queue; the next one gets the lock.
import asyncio

async def user(lock, name):
    try:
        async with lock:
            print(f"{asyncio.get_running_loop().time():.2f} {name} got the lock")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(user(lock, "A"))
    b = asyncio.create_task(user(lock, "B"))
    c = asyncio.create_task(user(lock, "C"))
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("b cancelled:", b.cancelled())

asyncio.run(main())
