import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name


async def main():
    tasks = {asyncio.create_task(job(n, d, f), name=n) for n, d, f in
             [("a", 0.3, False), ("b", 0.1, True), ("c", 0.2, False)]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), repr(t.exception()))
    done2, pending2 = await asyncio.wait(pending, timeout=0.15)
    print(sorted(t.get_name() for t in done2), sorted(t.get_name() for t in pending2))
    for p in pending2:
        p.cancel()
    done3, _ = await asyncio.wait(pending2)
    print([t.cancelled() for t in done3])
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(tasks, return_when="sometimes")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
