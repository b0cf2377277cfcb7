"""A fire-and-forget task lost to the garbage collector

What to watch for: the event loop keeps only weak references to tasks. A
pending task stays alive through whatever it waits on: a timer in the heap, or
a future that something else holds. listen() waits on an Event that nothing
but its own frame knows, and main kept no reference to the task. When gc.collect()
runs, the task is unreachable and is destroyed while still pending: Python
prints "Task was destroyed but it is pending!" and the task never finishes.
"""
import asyncio
import gc


async def listen():
    wake_up = asyncio.Event()           # only this coroutine can reach it
    print("listener: waiting for a signal")
    await wake_up.wait()
    print("listener: signalled")        # never printed


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(listen())       # the returned task is dropped
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f}  running the garbage collector")
    gc.collect()
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f}  main done; the listener is gone")


asyncio.run(main())
