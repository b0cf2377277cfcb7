import asyncio

async def parked(ev, i, log):
    try:
        await ev.wait()
        log.append(("woke", i))
    except asyncio.CancelledError:
        log.append(("cancel", i))
        raise

async def locker(lock, i, log):
    async with lock:
        log.append(("lock", i))
        await asyncio.sleep(0)

async def sem_user(sem, i, log):
    async with sem:
        log.append(("sem", i))
        await asyncio.sleep(0.001 * (i % 3))

async def main():
    log = []
    ev = asyncio.Event()
    ts = [asyncio.create_task(parked(ev, i, log)) for i in range(3000)]
    await asyncio.sleep(0)
    for t in ts[::3]:
        t.cancel()
    await asyncio.sleep(0)
    ev.set()
    await asyncio.sleep(0)
    print(len(log), log[:3], log[-3:])
    print(sum(t.cancelled() for t in ts), sum(t.done() for t in ts))
    lock = asyncio.Lock()
    log.clear()
    ls = [asyncio.create_task(locker(lock, i, log)) for i in range(50)]
    await asyncio.sleep(0)
    ls[5].cancel(); ls[7].cancel()
    await asyncio.gather(*ls, return_exceptions=True)
    print(len(log), [x[1] for x in log][:12])
    sem = asyncio.Semaphore(4)
    log.clear()
    ss = [asyncio.create_task(sem_user(sem, i, log)) for i in range(40)]
    await asyncio.sleep(0.0015)
    for t in ss[10:15]:
        t.cancel()
    res = await asyncio.gather(*ss, return_exceptions=True)
    print([type(r).__name__ for r in res][:16])
    print([x[1] for x in log])
    q = asyncio.Queue(maxsize=2)
    async def prod():
        for i in range(10):
            await q.put(i)
    async def cons(n):
        out = []
        for _ in range(n):
            out.append(await q.get())
            q.task_done()
        return out
    r = await asyncio.gather(prod(), cons(5), cons(5))
    print(r)
    import gc
    gc.collect()
    print(len(asyncio.all_tasks()))

asyncio.run(main())
