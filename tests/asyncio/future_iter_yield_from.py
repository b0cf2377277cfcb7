# A Future is iterable, as CPython's (__iter__ is __await__): `yield from fut`
# in a generator-based __await__, fut.__await__() returned from one, and an
# iterator driven by hand (next() gives the future once, then its result).
import asyncio
class Ready:
    def __await__(self):
        fut = asyncio.get_running_loop().create_future()
        fut.get_loop().call_soon(fut.set_result, 7)
        return (yield from fut)
class Ready2:
    def __await__(self):
        t = asyncio.ensure_future(asyncio.sleep(0.1, "slept"))
        r = yield from t
        return r + "!"
class Ready3:
    def __await__(self):
        return asyncio.sleep(0.2, "direct").__await__()
async def main():
    print(await Ready())
    print(await Ready2())
    print(await Ready3())
    f = asyncio.get_running_loop().create_future()
    print(hasattr(f, "__iter__"), hasattr(f, "__await__"))
    it = f.__await__()
    print(type(it).__name__)
asyncio.run(main())
async def more():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    it = iter(f)
    print(next(it) is f)
    try:
        it.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    f.set_result(3)
    try:
        next(it)
    except StopIteration as e:
        print("stop", e.value)
    g = loop.create_future()
    loop.call_later(0.1, g.set_result, "via __await__")
    print(await g.__await__() if False else await g)
    class W:
        def __await__(self):
            h = loop.create_future()
            loop.call_later(0.1, h.set_result, 11)
            return h.__await__()
    print(await W())
    t = asyncio.ensure_future(asyncio.sleep(0.1, 5))
    class W2:
        def __await__(self):
            return t.__await__()
    print(await W2())
asyncio.run(more())
