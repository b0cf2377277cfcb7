# Lock: FIFO waiters, no barging, RuntimeError on releasing an unlocked lock.
import asyncio

async def user(lock, name, hold):
    print(f"{asyncio.get_running_loop().time():.2f} {name} wants the lock")
    async with lock:
        print(f"{asyncio.get_running_loop().time():.2f} {name} holds the lock")
        await asyncio.sleep(hold)
    print(f"{asyncio.get_running_loop().time():.2f} {name} released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user(lock, "A", 1), user(lock, "B", 0.5), user(lock, "C", 0.25))
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
