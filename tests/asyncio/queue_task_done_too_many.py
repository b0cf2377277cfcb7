import asyncio


async def worker(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0.01 * item)
        print(f"{name} processed {item}")
        q.task_done()
        if item == 3:
            try:
                q.task_done()
            except ValueError as e:
                print(f"{name}: {e}")


async def main():
    q = asyncio.Queue()
    for i in range(1, 6):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(q, f"w{i}")) for i in range(2)]
    await q.join()
    print("joined, unfinished:", q._unfinished_tasks, "size", q.qsize())
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    q2 = asyncio.Queue()
    try:
        q2.task_done()
    except ValueError as e:
        print("empty queue:", e)
    print(q2)


asyncio.run(main())
