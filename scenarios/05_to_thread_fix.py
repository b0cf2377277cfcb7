"""The fix for blocking calls: asyncio.to_thread

What to watch for: slow_read() is ordinary blocking code (think of a driver with
no async API). asyncio.to_thread runs it on a worker thread of the default
executor; the task awaits a future, the loop thread stays free and the ticker
keeps ticking. When the worker finishes it wakes the loop, and the task resumes
with the result. Two blocking calls on two workers overlap.
"""
import asyncio
import time


def slow_read(name, seconds):
    time.sleep(seconds)                 # blocks only the worker thread
    return f"{name}={seconds}"


async def ticker(count):
    loop = asyncio.get_running_loop()
    for i in range(count):
        await asyncio.sleep(0.25)
        print(f"{loop.time():.2f}  tick {i + 1}")


async def main():
    loop = asyncio.get_running_loop()
    ticks = asyncio.create_task(ticker(5))
    print(f"{loop.time():.2f}  slow_read goes to a worker thread")
    value = await asyncio.to_thread(slow_read, "sensor", 0.9)
    print(f"{loop.time():.2f}  got {value}")
    both = await asyncio.gather(
        asyncio.to_thread(slow_read, "left", 0.6),
        asyncio.to_thread(slow_read, "right", 0.7),
    )
    print(f"{loop.time():.2f}  got {both}: 0.7 s for both, not 1.3 s")
    await ticks


asyncio.run(main())
