import asyncio
import time

t0 = time.monotonic()


def el():
    return f"{time.monotonic() - t0:.2f}s"


async def job(name, delay):
    try:
        await asyncio.sleep(delay)
        print(el(), name, "ok")
        return name
    except asyncio.CancelledError:
        print(el(), name, "cancelled")
        raise


async def main():
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as tg:
                a = tg.create_task(job("fast", 0.2))
                b = tg.create_task(job("slow", 1.0))
                c = tg.create_task(job("slower", 0.4))
    except TimeoutError as e:
        print(el(), "timed out:", type(e).__name__, repr(e.__cause__), e.__context__.__class__.__name__)
    print(a.result(), b.cancelled(), c.cancelled())

    async with asyncio.TaskGroup() as tg:
        async def guarded():
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print(el(), "inner timeout handled")
            return "guarded"
        g = tg.create_task(guarded())
        h = tg.create_task(job("peer", 0.3))
    print(g.result(), h.result(), el())


asyncio.run(main())
