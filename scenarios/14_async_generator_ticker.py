"""An async generator ticker

What to watch for: ticker() is an async generator: each `yield` hands a value
to the `async for` in main, and each `await` inside it suspends main's task, so
the loop jumps from timer to timer. The generator is not a task of its own; it
runs in the task of whoever iterates it. Leaving the loop early with break
does not close the generator by itself: aclose() runs its finally block now.
"""
import asyncio


async def ticker(period, limit=None):
    loop = asyncio.get_running_loop()
    n = 0
    try:
        while limit is None or n < limit:
            await asyncio.sleep(period)
            n += 1
            yield n, loop.time()
    finally:
        print(f"{loop.time():.2f}  ticker stops after {n} ticks")


async def main():
    async for n, at in ticker(0.5, limit=3):
        print(f"{at:.2f}  tick {n}")

    squares = [n * n async for n, _ in ticker(0.2, limit=4)]
    print("an async comprehension collected", squares)

    endless = ticker(0.3)
    async for n, at in endless:
        print(f"{at:.2f}  endless tick {n}")
        if n == 2:
            break
    await endless.aclose()              # run the generator's finally now


asyncio.run(main())
