# A task blocked on a future that nothing else references is garbage: gc.collect()
# destroys it ("Task was destroyed but it is pending!"). A sleeping task is kept alive
# by the loop's timer heap.
import asyncio
import gc

async def wait_forever():
    await asyncio.get_running_loop().create_future()

async def sleeper():
    await asyncio.sleep(3600)

async def main():
    asyncio.create_task(wait_forever())
    asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("collecting...")
    gc.collect()
    print("alive tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
