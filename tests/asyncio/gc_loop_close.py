# Outside asyncio.run, loop.close() drops the queue: a never-started task is
# destroyed, its coroutine never awaited.
import asyncio
import gc

async def never_started():
    print("never printed")

async def sleeper():
    await asyncio.sleep(3600)

async def main():
    asyncio.create_task(sleeper())
    await asyncio.sleep(0)

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.create_task(never_started())
print("closing loop")
loop.close()
print("loop closed; collecting")
gc.collect()
print("end of program")
