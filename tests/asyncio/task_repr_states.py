# task repr states.
import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return d

async def bad():
    raise KeyError("k")

async def main():
    t = asyncio.create_task(nap(1), name="napper")
    print(t.get_name(), t.done())
    print(repr(t).split(" coro=")[0])
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0])
    await t
    print(repr(t))
    u = asyncio.create_task(bad())
    try:
        await u
    except KeyError:
        pass
    print(repr(u))
    v = asyncio.create_task(nap(5))
    await asyncio.sleep(0)
    v.cancel()
    print(repr(v).split(" coro=")[0])
    try:
        await v
    except asyncio.CancelledError:
        pass
    print(repr(v))
    w = asyncio.create_task(nap(1))
    print(w.get_name().startswith("Task-"), w.get_name())
    w.set_name(42)
    print(repr(w.get_name()))
    await w
    print(asyncio.current_task().get_name())
    f = asyncio.get_running_loop().create_future()
    print(repr(f))
    f.set_result([1, 2])
    print(repr(f))
    g = asyncio.get_running_loop().create_future()
    g.set_exception(ValueError("x"))
    print(repr(g))
    g.exception()
    h = asyncio.get_running_loop().create_future()
    h.cancel()
    print(repr(h))

asyncio.run(main())
