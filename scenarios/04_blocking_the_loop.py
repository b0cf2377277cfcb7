"""Blocking the loop with time.sleep

What to watch for: the ticker wants to run every 0.25 s. While save_blocking()
sits in time.sleep() the loop itself is blocked: the ticker's timer falls due,
but nothing can run it, and the ticks due at 0.25, 0.50 and 0.75 never happen on
time. The second round does the same wait with `await asyncio.sleep()`: the
task suspends, the loop stays free and the ticker keeps its rhythm.
"""
import asyncio
import time


async def ticker(label, count):
    loop = asyncio.get_running_loop()
    for i in range(count):
        await asyncio.sleep(0.25)
        print(f"{loop.time():.2f}  {label} tick {i + 1}")


async def save_blocking():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f}  save_blocking starts")
    time.sleep(0.9)                     # holds the thread: the loop is stuck
    print(f"{loop.time():.2f}  save_blocking ends")


async def save_politely():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f}  save_politely starts")
    await asyncio.sleep(0.9)            # suspends: the loop runs others
    print(f"{loop.time():.2f}  save_politely ends")


async def main():
    await asyncio.gather(ticker("A", 4), save_blocking())
    print("--- the same wait, without blocking")
    await asyncio.gather(ticker("B", 4), save_politely())


asyncio.run(main())
