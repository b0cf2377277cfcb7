# inspect's predicates, coroutine and generator states and signature()
# on the functions an asyncio program defines.
import asyncio
import inspect
import functools

async def fetch(url: str, timeout: float = 1.0) -> str:
    await asyncio.sleep(0)
    return url

async def agen():
    yield 1

def gen():
    yield 1

def plain(a, b=2, *args, c, d=3, **kw):
    pass

class Service:
    def __init__(self, name, retries=3):
        self.name = name
    async def run(self, n):
        return n
    def stop(self):
        pass
    @staticmethod
    def helper(x, /, y):
        pass

class Awaitable:
    def __await__(self):
        yield

for obj in (fetch, agen, gen, plain, Service, Service.run, Service("s").run, Service("s").stop, print, lambda: 0,
            functools.partial(fetch, "u")):
    print(getattr(obj, '__name__', type(obj).__name__), inspect.iscoroutinefunction(obj), inspect.isasyncgenfunction(obj),
          inspect.isgeneratorfunction(obj), inspect.isfunction(obj), inspect.ismethod(obj), inspect.isclass(obj),
          inspect.isbuiltin(obj), inspect.isroutine(obj), asyncio.iscoroutinefunction(obj))
c = fetch("x")
g = gen()
a = agen()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isgenerator(g), inspect.isasyncgen(a), inspect.isawaitable(Awaitable()),
      inspect.isawaitable(5), inspect.iscoroutine(g), asyncio.iscoroutine(c), inspect.isawaitable(asyncio.sleep(0)))
print(inspect.getcoroutinestate(c), inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))

async def watch():
    t = asyncio.current_task()
    print("inside:", inspect.getcoroutinestate(t.get_coro()))
    return 1

async def main():
    print(await c, inspect.getcoroutinestate(c))
    t = asyncio.create_task(watch())
    await asyncio.sleep(0)
    print(inspect.getcoroutinestate(t.get_coro()))
asyncio.run(main())

print(inspect.signature(fetch), inspect.signature(plain), inspect.signature(Service), inspect.signature(Service.run))
print(inspect.signature(Service("x").run), inspect.signature(Service.helper), inspect.signature(lambda x, *, y=1: 0))
print(inspect.signature(functools.partial(plain, 1, c=5)))
sig = inspect.signature(fetch)
print(repr(sig), list(sig.parameters), sig.return_annotation)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default, p.annotation, repr(p), p.kind.description, p.default is inspect.Parameter.empty)
print(inspect.Parameter.empty, inspect.signature(plain).parameters['a'].default is inspect.Signature.empty)
b = inspect.signature(plain).bind(1, 2, 3, c=4, e=5)
print(b, b.args, b.kwargs)
b.apply_defaults()
print(b.arguments)
try:
    inspect.signature(plain).bind(1)
except TypeError as e:
    print("TypeError:", e)
try:
    inspect.signature(5)
except TypeError as e:
    print("TypeError:", e)
print(inspect.getdoc(Service), inspect.cleandoc("""  First
      indented
    back"""))
def deco(f):
    @functools.wraps(f)
    async def wrapper(*a, **k):
        return await f(*a, **k)
    return wrapper
w = deco(fetch)
print(inspect.iscoroutinefunction(w), inspect.signature(w), inspect.unwrap(w) is fetch)
print([n for n, _ in inspect.getmembers(Service, inspect.isfunction)])
