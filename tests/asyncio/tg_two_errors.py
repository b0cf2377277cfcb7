# A later failure is cancelled before it happens; failures in the same iteration are both reported (equal deadlines).
import asyncio

async def fail(exc, d):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(KeyError("k"), 1))
            tg.create_task(fail(IndexError("i"), 1.5))
    except ExceptionGroup as eg:
        print(repr(str(eg)), eg.exceptions)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(KeyError("k"), 1))
            tg.create_task(fail(IndexError("i"), 1))
    except ExceptionGroup as eg:
        print(repr(str(eg)), eg.exceptions)

asyncio.run(main())
