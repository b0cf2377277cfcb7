import asyncio
import re
import traceback

def show(obj):
    """repr(obj) without its address, which differs from run to run"""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(obj))



async def user(lock, name, hold, log):
    try:
        async with lock:
            log.append(name + " in")
            await asyncio.sleep(hold)
            log.append(name + " out")
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise


async def main():
    lock = asyncio.Lock()
    log = []
    ts = [asyncio.create_task(user(lock, n, 0.01, log)) for n in "abcd"]
    await asyncio.sleep(0)
    print(show(lock))
    ts[1].cancel()
    await asyncio.sleep(0.005)
    ts[2].cancel()
    results = await asyncio.gather(*ts, return_exceptions=True)
    print(log)
    print([type(r).__name__ for r in results], show(lock))
    # woken, then cancelled before it runs: the next waiter gets the lock
    await lock.acquire()
    t1 = asyncio.create_task(user(lock, "x", 0, log))
    t2 = asyncio.create_task(user(lock, "y", 0, log))
    await asyncio.sleep(0)
    lock.release()
    t1.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    print(log[-3:], lock.locked())
    try:
        lock.release()
    except RuntimeError:
        traceback.print_exc()
    print(await lock.acquire(), show(lock))
    lock.release()
    t = asyncio.create_task(lock.acquire())
    await t
    print(t.result(), lock.locked())
    lock.release()
    # an uncaught cancellation inside `async with lock`
    await lock.acquire()
    t3 = asyncio.create_task(user(lock, "z", 0, log))
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        traceback.print_exc()


asyncio.run(main())
