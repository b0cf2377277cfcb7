# Thousands of suspended tasks do not count toward the recursion limit: only
# the frames that are running do. Each task parks a chain of coroutines
# (sleep(0), an Event, a deeper chain) and the loop resumes them one by one.
import asyncio


async def nap():
    await asyncio.sleep(0)
    return 1


async def two_levels(event):
    await event.wait()
    return 2


async def chain(n, event):
    if n == 0:
        return await two_levels(event)
    return await chain(n - 1, event)


async def main():
    loop = asyncio.get_running_loop()
    naps = [asyncio.create_task(nap()) for _ in range(3000)]
    await naps[-1]
    print("sleep(0) tasks:", sum(t.result() for t in naps), f"t={loop.time():.2f}")

    event = asyncio.Event()
    waiters = [asyncio.create_task(chain(i % 20, event)) for i in range(2000)]
    await asyncio.sleep(0.1)
    print("parked:", sum(not t.done() for t in waiters))
    event.set()
    results = await asyncio.gather(*waiters)
    print("woken:", len(results), sum(results), f"t={loop.time():.2f}")

    # a chain as deep as the limit allows still fails where CPython's does
    async def deep(n):
        if n == 0:
            await asyncio.sleep(0)
            return 0
        return await deep(n - 1) + 1

    parked_deep = [asyncio.create_task(deep(300)) for _ in range(10)]
    print("deep chains:", sum(await asyncio.gather(*parked_deep)))
    try:
        await deep(5000)
    except RecursionError as e:
        print("RecursionError:", e)


asyncio.run(main())
