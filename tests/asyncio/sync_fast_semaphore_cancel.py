import asyncio
import re
import traceback

def show(obj):
    """repr(obj) without its address, which differs from run to run"""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(obj))



async def holder(sem, name, hold):
    async with sem:
        print(name, "got a unit")
        await asyncio.sleep(hold)
    print(name, "released")


async def waiter(sem, name):
    try:
        async with sem:
            print(name, "got a unit")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        traceback.print_exc()
        raise


async def main():
    sem = asyncio.Semaphore(1)
    t1 = asyncio.create_task(holder(sem, "a", 0.1))
    t2 = asyncio.create_task(waiter(sem, "b"))
    t3 = asyncio.create_task(waiter(sem, "c"))
    await asyncio.sleep(0.05)
    print(show(sem))
    t2.cancel()
    await asyncio.sleep(0)
    print(show(sem), t2.cancelled())
    await asyncio.sleep(0.1)
    print(show(sem), t3.done())
    # a woken waiter cancelled before it runs gives its unit back
    s2 = asyncio.Semaphore(0)
    w1 = asyncio.create_task(waiter(s2, "d"))
    w2 = asyncio.create_task(waiter(s2, "e"))
    await asyncio.sleep(0)
    s2.release()
    w1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(show(s2), w1.cancelled(), w2.done())
    b = asyncio.BoundedSemaphore(1)
    async with b:
        pass
    try:
        b.release()
    except ValueError:
        traceback.print_exc()
    print(await b.acquire(), b.locked(), show(b))
    b.release()
    await t1


asyncio.run(main())
