import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(0.1, "r"))
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)
    q = asyncio.Queue()
    t2 = asyncio.create_task(q.get())
    e = asyncio.Event()
    t3 = asyncio.create_task(e.wait())
    t4 = asyncio.create_task(asyncio.wait_for(e.wait(), 1))
    await asyncio.sleep(0)
    print(t2)
    print(t3)
    print(t4)
    t2.cancel(); t3.cancel(); t4.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t2)
    print(t3)
    print(t4)
asyncio.run(main())


async def more():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(0)
    cond = asyncio.Condition()
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(0)
    await lock.acquire()
    waited = asyncio.ensure_future(asyncio.sleep(0.5))
    ts = [asyncio.create_task(c, name=n) for n, c in [
        ("lock", lock.acquire()), ("sem", sem.acquire()), ("put", q.put(1)), ("join", q.join()),
        ("zero", asyncio.sleep(0)), ("wait", asyncio.wait([waited])),
        ("thread", asyncio.to_thread(sum, [1, 2])),
    ]]
    async def cw():
        async with cond:
            await cond.wait()
    c = asyncio.create_task(cw(), name="cond")
    for t in ts:
        print(t)
    await asyncio.sleep(0)
    for t in ts:
        print(t)
    lock.release()
    sem.release()
    q.get_nowait()
    q.task_done()
    await asyncio.sleep(0.01)
    for t in ts:
        print(t)
    print(c)
    c.cancel()
    await asyncio.gather(*ts, c, return_exceptions=True)
    for t in ts:
        print(t if t.get_name() != "wait" else t.done())


asyncio.run(more())
