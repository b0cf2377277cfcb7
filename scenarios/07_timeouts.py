"""Timeouts: asyncio.timeout and asyncio.wait_for

What to watch for: a timeout is one more timer in the heap beside the work's
own. If the work finishes first, that timer is cancelled. If the deadline comes
first, the loop cancels the waiting task: a CancelledError is thrown in at its
await (so the query's cleanup runs), and at the edge of the `async with` block
or of wait_for it turns into TimeoutError. The deadline covers the whole block,
not each await in it.
"""
import asyncio


async def query(name, seconds):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f}  {name} interrupted, cleaning up")
        raise
    return f"{name} answered"


async def main():
    loop = asyncio.get_running_loop()
    for name, seconds in [("fast", 0.4), ("slow", 3.0)]:
        try:
            async with asyncio.timeout(1.0):
                answer = await query(name, seconds)
            print(f"{loop.time():.2f}  timeout(1.0): {answer}")
        except TimeoutError:
            print(f"{loop.time():.2f}  timeout(1.0): gave up on {name}")

    try:                                # two 0.6 s queries under one 1.0 s deadline
        async with asyncio.timeout(1.0):
            await query("first", 0.6)
            await query("second", 0.6)
    except TimeoutError:
        print(f"{loop.time():.2f}  timeout(1.0): the block as a whole ran out")

    for name, seconds in [("fast", 0.3), ("slow", 5.0)]:
        try:
            answer = await asyncio.wait_for(query(name, seconds), timeout=0.5)
            print(f"{loop.time():.2f}  wait_for(0.5): {answer}")
        except TimeoutError:
            print(f"{loop.time():.2f}  wait_for(0.5): gave up on {name}")


asyncio.run(main())
