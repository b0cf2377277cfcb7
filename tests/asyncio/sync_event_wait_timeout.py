import asyncio
import time


def nice(o):
    r = repr(o)
    return r[:r.index(" object at ")] + r[r.index(" ["):]

start = time.perf_counter()


def ts():
    return f"{time.perf_counter() - start:5.2f}"


async def waiter(ev, name, timeout):
    try:
        await asyncio.wait_for(ev.wait(), timeout)
        print(ts(), name, "saw the event")
    except TimeoutError:
        print(ts(), name, "gave up")


async def main():
    ev = asyncio.Event()
    print(nice(ev))
    tasks = [asyncio.create_task(waiter(ev, f"w{i}", 0.1 * i)) for i in range(1, 5)]
    await asyncio.sleep(0.25)
    ev.set()
    print(nice(ev))
    await asyncio.gather(*tasks)
    ev.clear()
    print(ev.is_set(), await asyncio.wait_for(asyncio.shield(asyncio.sleep(0.01, "x")), 1))


asyncio.run(main())
