import asyncio
import functools
def cb(tag, n, *, loop=None):
    print("cb", tag, n)
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(functools.partial(cb, "soon", 1))
    loop.call_later(0.1, functools.partial(cb, "later"), 2)
    r = await loop.run_in_executor(None, functools.partial(pow, 2, 10))
    print(r)
    await asyncio.sleep(0.2)
    h = loop.call_soon(functools.partial(cb, "h", 3))
    await asyncio.sleep(0)
asyncio.run(main())
class C:
    @functools.cached_property
    def bad(self):
        return 1 / 0
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
try:
    V(1) > 3
except AttributeError as e:
    print("AE", e)
C().bad
