"""A background task: create_task, then cancel

What to watch for: create_task puts the heartbeat in the ready queue, but it
cannot start until main() reaches an await and hands over the thread; from then
on the two tasks take turns. cancel() does not stop the heartbeat on the spot:
it only asks. The CancelledError is thrown into the heartbeat at the await where
it is suspended, its finally block runs, and only then is the task done.
"""
import asyncio


async def heartbeat(period):
    loop = asyncio.get_running_loop()
    beats = 0
    try:
        while True:
            await asyncio.sleep(period)
            beats += 1
            print(f"{loop.time():.2f}  beat {beats}")
    finally:
        print(f"{loop.time():.2f}  heartbeat cleans up after {beats} beats")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(heartbeat(0.4))
    print(f"{loop.time():.2f}  task created, not started yet")
    await asyncio.sleep(1.0)            # main works; the heartbeat gets its turns
    print(f"{loop.time():.2f}  main asks for cancellation")
    task.cancel()
    print(f"{loop.time():.2f}  right after cancel(): done = {task.done()}")
    try:
        await task
    except asyncio.CancelledError:
        print(f"{loop.time():.2f}  heartbeat cancelled = {task.cancelled()}")


asyncio.run(main())
