# The fix for fire-and-forget tasks: keep a strong reference until they finish.
import asyncio
import gc

background = set()

async def wait_on(ev, n):
    await ev.wait()
    print(f"task {n} finished")

async def main():
    ev = asyncio.Event()
    for n in range(3):
        t = asyncio.create_task(wait_on(ev, n))
        background.add(t)
        t.add_done_callback(background.discard)
    del t
    await asyncio.sleep(0)
    gc.collect()
    print("after gc.collect(): tracked =", len(background))
    ev.set()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("tracked after they finished =", len(background))

asyncio.run(main())
