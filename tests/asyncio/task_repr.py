# Task reprs in each state.
import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def ret():
    return "x" * 40

async def bad():
    raise ValueError("boom")

async def main():
    t = asyncio.create_task(sleeper())
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    print(t)
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(t)
    r = asyncio.create_task(ret())
    b = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print(r)
    print(b)
    b.exception()

asyncio.run(main())
