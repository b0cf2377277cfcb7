import asyncio


def show(barrier):
    text = repr(barrier)   # <asyncio.locks.Barrier object at 0x... [filling, waiters:0/3]>
    return text[:text.index(" at ")] + " " + text[text.index("["):]


async def runner(name, barrier, delay):
    await asyncio.sleep(delay)
    loop = asyncio.get_running_loop()
    print(f"{name} arrives at {loop.time():.2f} ({barrier.n_waiting} waiting)")
    index = await barrier.wait()
    print(f"{name} passes at {loop.time():.2f} with index {index}")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print(show(barrier))
    results = await asyncio.gather(
        runner("a", barrier, 0.3), runner("b", barrier, 0.1), runner("c", barrier, 0.5))
    print(results, show(barrier))
    # a second round on the same barrier, with async with
    async def round2(name):
        async with barrier as pos:
            print(name, "in round 2 at", pos)
    await asyncio.gather(*(round2(n) for n in "xyz"))
    # aborting wakes the waiters with BrokenBarrierError
    b2 = asyncio.Barrier(2)
    waiter = asyncio.create_task(b2.wait())
    await asyncio.sleep(0.1)
    print(show(b2))
    await b2.abort()
    try:
        await waiter
    except asyncio.BrokenBarrierError as e:
        print("broken:", repr(e), b2.broken, show(b2))
    try:
        await b2.wait()
    except asyncio.BrokenBarrierError as e:
        print("still broken:", e)
    await b2.reset()
    print(show(b2))
    # reset while one waits
    b3 = asyncio.Barrier(2)
    w = asyncio.create_task(b3.wait())
    await asyncio.sleep(0)
    await b3.reset()
    try:
        await w
    except asyncio.BrokenBarrierError as e:
        print("reset:", e, show(b3))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(e)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError), b3.parties)


asyncio.run(main())
