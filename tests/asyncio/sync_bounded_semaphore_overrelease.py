import asyncio


def nice(o):
    r = repr(o)
    return r[:r.index(" object at ")] + r[r.index(" ["):]


async def user(sem, n, log):
    async with sem:
        log.append(f"in {n} value={sem._value}")
        await asyncio.sleep(0.1)


async def main():
    log = []
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(user(sem, i, log) for i in range(4)))
    sem.release()
    sem.release()
    print("plain semaphore after extra releases:", sem._value, sem.locked())
    print(nice(sem))

    bsem = asyncio.BoundedSemaphore(2)
    await asyncio.gather(*(user(bsem, i, log) for i in range(3)))
    try:
        bsem.release()
    except ValueError as e:
        print("bounded:", e)
    print(nice(bsem))
    print("\n".join(log))
    await bsem.acquire()
    await bsem.acquire()
    print(bsem.locked(), nice(bsem))


asyncio.run(main())
