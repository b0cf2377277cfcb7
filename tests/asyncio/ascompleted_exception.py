# An exception surfaces when its awaitable from as_completed is awaited.
import asyncio

async def work(d):
    await asyncio.sleep(d)
    if d == 2:
        raise LookupError("two")
    return d

async def main():
    ts = [asyncio.create_task(work(d)) for d in (3, 2, 1)]
    for aw in asyncio.as_completed(ts):
        try:
            print("got", await aw)
        except LookupError as e:
            print("raised", repr(e))

asyncio.run(main())
