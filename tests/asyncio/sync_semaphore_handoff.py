# Semaphore.release() hands the unit straight to the first waiter: newcomers cannot barge.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    async def user():
        async with sem:
            print("S acquired semaphore")
    t = asyncio.create_task(user())
    await asyncio.sleep(0)
    sem.release()
    print("released; locked() =", sem.locked())
    async with sem:
        print("main acquired semaphore")
    await t

asyncio.run(main())
