"""Keeping fire-and-forget tasks alive

What to watch for: the fix for the lost task is a strong reference. Every
background task goes into a set, and a done callback takes it out again when it
finishes, so the set holds exactly the tasks still running. gc.collect() now
finds the listener reachable through the set and leaves it alone; the flush
task leaves the set when it is done, and the listener is cancelled on purpose
at the end.
"""
import asyncio
import gc

background = set()


def spawn(coro):
    task = asyncio.create_task(coro)
    background.add(task)                # strong reference while it runs
    task.add_done_callback(background.discard)


async def listen():
    wake_up = asyncio.Event()           # only this coroutine can reach it
    try:
        await wake_up.wait()
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f}  listener stopped")
        raise


async def flush():
    await asyncio.sleep(0.3)
    print(f"{asyncio.get_running_loop().time():.2f}  flush finished")


async def main():
    loop = asyncio.get_running_loop()
    spawn(listen())
    spawn(flush())
    await asyncio.sleep(0.1)
    gc.collect()
    print(f"{loop.time():.2f}  after gc.collect(): {len(background)} tasks kept")
    await asyncio.sleep(0.3)
    print(f"{loop.time():.2f}  still running: {len(background)}")
    for task in list(background):
        task.cancel()
    await asyncio.gather(*background, return_exceptions=True)
    print(f"{loop.time():.2f}  still running: {len(background)}")


asyncio.run(main())
