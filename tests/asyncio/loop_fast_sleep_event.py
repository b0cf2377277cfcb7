import asyncio
import re
import traceback

def show(obj):
    """repr(obj) without its address, which differs from run to run"""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(obj))



async def sleeper(d, r=None):
    return await asyncio.sleep(d, r)


async def waiter(e, name):
    try:
        print(name, await e.wait())
    except asyncio.CancelledError:
        print(name, "cancelled")
        traceback.print_exc()


async def main():
    print(await asyncio.sleep(0.01, "done"), await asyncio.sleep(0, 7), await asyncio.sleep(-1, "neg"))
    print(await asyncio.sleep(True, "bool"), await asyncio.sleep(0.0), await sleeper(0.02, [1]))
    try:
        await asyncio.sleep("1")
    except TypeError:
        traceback.print_exc()
    t = asyncio.create_task(sleeper(10))
    await asyncio.sleep(0)
    print(t)
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)
        traceback.print_exc()
    t0 = asyncio.create_task(sleeper(0))
    await asyncio.sleep(0)
    t0.cancel()
    try:
        await t0
    except asyncio.CancelledError:
        traceback.print_exc()
    e = asyncio.Event()
    ws = [asyncio.create_task(waiter(e, n)) for n in "abc"]
    await asyncio.sleep(0)
    print(show(e))
    ws[1].cancel()
    await asyncio.sleep(0)
    print(show(e))
    e.set()
    await asyncio.gather(*ws)
    print(show(e), await e.wait())
    e.clear()
    try:
        async with asyncio.timeout(0.01):
            await e.wait()
    except TimeoutError:
        print("timed out", show(e))
    coro = asyncio.sleep(1)
    print(type(coro).__name__)
    coro.close()
    c = sleeper(5)
    try:
        c.send(None)
    except RuntimeError as ex:
        print("RuntimeError:", ex)
    loop = asyncio.get_running_loop()
    h = loop.call_later(0.5, print, "later")
    print(h.when() > loop.time())
    h.cancel()


asyncio.run(main())
