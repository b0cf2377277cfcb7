# Semaphore(2): at most two holders at a time; waiters get units in FIFO order.
import asyncio

async def job(sem, n):
    async with sem:
        print(f"{asyncio.get_running_loop().time():.2f} job {n} starts")
        await asyncio.sleep(1)
    print(f"{asyncio.get_running_loop().time():.2f} job {n} ends")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, n) for n in range(5)))
    print("locked:", sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
