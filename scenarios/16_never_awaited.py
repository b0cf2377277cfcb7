"""The coroutine that was never awaited

What to watch for: calling an async function does not run it; it only creates
a coroutine object. The first call to save() below forgets the await: no task
is created, nothing appears in the ready queue, nothing is saved. When that
object is thrown away, Python prints a RuntimeWarning naming the coroutine and
the line. The second call is awaited and runs.
"""
import asyncio

saved = []


async def save(record):
    await asyncio.sleep(0.2)            # writing it somewhere
    saved.append(record)


async def main():
    loop = asyncio.get_running_loop()
    save("first draft")                 # bug: missing await
    print(f"{loop.time():.2f}  main went on at once; saved = {saved}")
    await save("final draft")
    print(f"{loop.time():.2f}  after awaiting; saved = {saved}")


asyncio.run(main())
