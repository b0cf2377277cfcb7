import asyncio
import re
import traceback

def show(obj):
    """repr(obj) without its address, which differs from run to run"""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(obj))



class MySem(asyncio.Semaphore):
    def locked(self):
        print("MySem.locked")
        return super().locked()


async def main():
    s = MySem(1)
    async with s:
        r = show(s)
        print("in", r)
    t = asyncio.create_task(asyncio.sleep(0))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        traceback.print_exc()
    t = asyncio.create_task(asyncio.sleep(0))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        traceback.print_exc()
    coro = asyncio.sleep(0)
    coro.send(None)
    try:
        coro.throw(ValueError("boom"))
    except ValueError:
        traceback.print_exc()
    q = asyncio.Queue()
    g = q.get()
    print(type(g).__name__)
    g.close()
    lk = asyncio.Lock()
    await lk.acquire()
    t = asyncio.create_task(lk.acquire())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        traceback.print_exc()


asyncio.run(main())
