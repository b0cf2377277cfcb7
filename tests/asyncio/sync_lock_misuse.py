import asyncio


def nice(o):
    r = repr(o)
    return r[:r.index(" object at ")] + r[r.index(" ["):]


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("release unlocked:", e)
    await lock.acquire()
    print(nice(lock))
    async def other():
        async with lock:
            print("other got the lock")
    t = asyncio.create_task(other())
    await asyncio.sleep(0.1)
    print(nice(lock))
    lock.release()
    await t
    print(lock.locked())
    try:
        with lock:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
    try:
        await lock
    except TypeError as e:
        print(type(e).__name__, e)


asyncio.run(main())
