# result()/exception() on a failed task mark the exception retrieved: no log.
import asyncio

async def bad(n):
    await asyncio.sleep(0.1 * n)
    raise KeyError(n)

async def main():
    a = asyncio.create_task(bad(1))
    b = asyncio.create_task(bad(2))
    c = asyncio.create_task(bad(3))
    await asyncio.sleep(1)
    print("a.exception():", repr(a.exception()))
    try:
        b.result()
    except KeyError as e:
        print("b.result() raised", repr(e))
    print("c.cancel() on a failed task:", c.cancel())
    print("done")

asyncio.run(main())
