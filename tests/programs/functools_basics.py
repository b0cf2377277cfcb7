import functools
from functools import partial, wraps, reduce, lru_cache, cache, cached_property, total_ordering, cmp_to_key
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, c=9), p.args, p.keywords, p.func is f)
pp = partial(p, 7)
print(pp(), pp.args, pp.keywords, pp.func is f)
print(repr(partial(max, 1, key=abs)))
print(repr(partial(int, base=2)), partial(int, base=2)("101"))
try:
    partial(3)
except TypeError as e: print(e)
def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return wrapper
@deco
def greet(name: str) -> str:
    "Say hi."
    return "hi " + name
print(greet("x"), greet.__name__, greet.__qualname__, greet.__doc__, greet.__wrapped__.__name__, greet.__module__, greet.__annotations__)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e: print(e)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
@lru_cache
def sq(x):
    print("computing", x)
    return x * x
sq(2); sq(2); sq(3)
print(sq.cache_info(), sq.cache_info().hits)
sq.cache_clear(); print(sq.cache_info())
@lru_cache(maxsize=2)
def ident(x): return x
for v in [1, 2, 1, 3, 2, 1]: ident(v)
print(ident.cache_info())
@cache
def cube(x): return x ** 3
print(cube(3), cube(3), cube.cache_info())
class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2); print(c.area, c.area); del c.area; print(c.area)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2))
def cmp(a, b): return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))
try:
    @total_ordering
    class Z: pass
except ValueError as e: print(e)
class M:
    @lru_cache(maxsize=None)
    def m(self, x): return x * 2
print(M().m(4))
