# A released lock with a woken waiter reports locked() == False, but a newcomer still
# queues behind the waiter.
import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    async def waiter():
        async with lock:
            print("W acquired lock")
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    lock.release()
    print("released; locked() =", lock.locked())
    await lock.acquire()
    print("main acquired lock after W")
    lock.release()
    await t

asyncio.run(main())
