# wait and as completed mixed.
import asyncio

async def job(n, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"job{n}")
    return n

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(i, d), name=f"j{i}") for i, d in enumerate([3, 1, 2])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.2f}", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, timeout=0.5)
    print(f"{loop.time():.2f}", len(done), len(pending))
    done, pending = await asyncio.wait(pending)
    print(f"{loop.time():.2f}", sorted(t.result() for t in done), pending)
    tasks = [asyncio.create_task(job(i, d, fail=(i == 1))) for i, d in enumerate([0.3, 0.6, 0.9, 1.2])]
    for fut in asyncio.as_completed(tasks):
        try:
            print("got", await fut, f"{loop.time():.2f}")
        except RuntimeError as e:
            print("err", e, f"{loop.time():.2f}")
    tasks = [asyncio.create_task(job(i, i)) for i in range(1, 4)]
    try:
        for fut in asyncio.as_completed(tasks, timeout=2.5):
            print("as_completed", await fut, f"{loop.time():.2f}")
    except TimeoutError:
        print("as_completed timed out", f"{loop.time():.2f}")
    print([t.done() for t in tasks])
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError", e)
    c = job(1, 1)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError", e)
    c.close()
    await asyncio.sleep(2)

asyncio.run(main())
