# A task waiting on a module-level Event survives gc.collect(); one waiting on an
# Event only it knows about is destroyed.
import asyncio
import gc

shared = asyncio.Event()

async def wait_on(ev, label):
    await ev.wait()
    print(label, "woke up")

async def main():
    asyncio.create_task(wait_on(shared, "A"))
    asyncio.create_task(wait_on(asyncio.Event(), "B"))
    await asyncio.sleep(0)
    gc.collect()
    print("after gc.collect()")
    shared.set()
    await asyncio.sleep(0)

asyncio.run(main())
