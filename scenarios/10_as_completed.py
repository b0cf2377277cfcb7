"""as_completed: results in the order they finish

What to watch for: gather gives results in the order you asked; as_completed
yields one awaitable per task, and each resolves to whichever task finished
next, so the fastest mirror is handled first. In the second round only the
first answer matters: main takes it and cancels the tasks still in the timer
heap.
"""
import asyncio

MIRRORS = [("eu", 0.7), ("us", 0.2), ("asia", 0.5), ("au", 0.9)]


async def ping(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror} ({seconds} s)"


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(ping(m, s)) for m, s in MIRRORS]
    for next_done in asyncio.as_completed(tasks):
        reply = await next_done
        print(f"{loop.time():.2f}  reply from {reply}")

    print("first answer wins:")
    tasks = [asyncio.create_task(ping(m, s)) for m, s in MIRRORS]
    for next_done in asyncio.as_completed(tasks):
        print(f"{loop.time():.2f}  using {await next_done}")
        break
    for task in tasks:
        task.cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(isinstance(o, asyncio.CancelledError) for o in outcomes)
    print(f"{loop.time():.2f}  cancelled the other {cancelled}")


asyncio.run(main())
