# The futures in an Event's, a Lock's and a Semaphore's _waiters, awaited by
# a task other than the one waiting: they are plain futures to it, and the
# waiting task still gets what its own call returns (None from __aenter__).
import asyncio


async def owner(name, ev):
    r = await ev.wait()
    print(name, "woke with", r)


async def lock_owner(name, lock):
    async with lock as got:
        print(name, "entered with", got)
        await asyncio.sleep(0.01)
    print(name, "left")


async def borrower(name, fut):
    print(name, "awaits someone else's waiter:", type(fut).__name__, fut.done())
    try:
        r = await fut
        print(name, "got", r)
    except asyncio.CancelledError:
        print(name, "saw it cancelled")


async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(owner("a", ev))
    await asyncio.sleep(0)
    b = asyncio.create_task(borrower("b", ev._waiters[0]))
    await asyncio.sleep(0)
    print("waiters:", len(ev._waiters))
    ev.set()
    await asyncio.gather(a, b)
    print("waiters after:", len(ev._waiters))

    lock = asyncio.Lock()
    await lock.acquire()
    c = asyncio.create_task(lock_owner("c", lock))
    await asyncio.sleep(0)
    d = asyncio.create_task(borrower("d", lock._waiters[0]))
    await asyncio.sleep(0)
    lock.release()
    await asyncio.gather(c, d)
    print("locked:", lock.locked())

    sem = asyncio.Semaphore(0)
    e = asyncio.create_task(lock_owner("e", sem))
    await asyncio.sleep(0)
    f = asyncio.create_task(borrower("f", sem._waiters[0]))
    await asyncio.sleep(0)
    e.cancel()
    await asyncio.gather(e, f, return_exceptions=True)
    print("sem value:", sem._value, "waiters:", len(sem._waiters))

    ev2 = asyncio.Event()
    g = asyncio.create_task(owner("g", ev2))
    await asyncio.sleep(0)
    w = ev2._waiters[0]
    h = asyncio.create_task(borrower("h", w))
    await asyncio.sleep(0)
    h.cancel()
    await asyncio.sleep(0)
    print("g's waiter cancelled by h's cancel?", w.cancelled(), g.done())
    ev2.set()
    await asyncio.sleep(0)
    print("g done:", g.done(), g.cancelled())


asyncio.run(main())
