import asyncio
import functools


def report(loop, label, *values, sep=", "):
    print(f"{loop.time():.2f} {label}: {sep.join(map(str, values))}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.3, report, loop, "later", 1, 2, 3)
    loop.call_later(0.1, functools.partial(report, loop, "partial", sep="|"), "a", "b")
    h = loop.call_at(start + 0.2, report, loop, "at", "x")
    print(type(h).__name__, h.when() - start)
    loop.call_soon(report, loop, "soon")
    cancelled = loop.call_later(0.25, report, loop, "never")
    cancelled.cancel()
    print(cancelled.cancelled())
    await asyncio.sleep(0.4)
    done = loop.create_future()
    loop.call_later(0.1, done.set_result, "set by timer")
    print(await done)
    try:
        loop.call_later(0.1, report, loop, "kw", sep="-")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
