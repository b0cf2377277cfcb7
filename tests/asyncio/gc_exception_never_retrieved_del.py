# gc exception never retrieved del.
import asyncio
import gc

async def fail(msg):
    await asyncio.sleep(0.1)
    raise ValueError(msg)

async def main():
    t = asyncio.create_task(fail("lost"), name="loser")
    await asyncio.sleep(0.5)
    print("task done:", t.done())
    del t
    gc.collect()
    print("after collect")
    await asyncio.sleep(0.1)

asyncio.run(main())
print("exit")
