"""The fire-and-forget task lost to the garbage collector.

Watch: the task waits on an Event only it references; gc.collect() destroys it.
"""
import asyncio
import gc

async def notify_later():
    done = asyncio.Event()
    print("notifier waiting for a signal nobody will send")
    await done.wait()
    print("never printed")

async def main():
    asyncio.create_task(notify_later())
    await asyncio.sleep(0.1)
    gc.collect()
    await asyncio.sleep(0.1)
    print("main done")

asyncio.run(main())
