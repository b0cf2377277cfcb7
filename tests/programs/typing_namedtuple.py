from typing import NamedTuple, TypedDict, Optional
import collections
class P(NamedTuple):
    x: int
    y: int = 0
p = P(1)
print(p, P._fields, P._field_defaults, p._asdict(), p._replace(y=5), p == (1, 0), p[0], len(p), list(p), hash(p) == hash((1, 0)), P.__annotations__)
a, b = p
print(a, b, p.x, p.y, P(x=3, y=4))
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
def set_x(): p.x = 3
def set_z(): p.z = 1
attempt(set_x); attempt(set_z)
attempt(lambda: P()); attempt(lambda: P(1, 2, 3)); attempt(lambda: P(1, x=2)); attempt(lambda: P(1, q=2)); attempt(lambda: p[5])
Q = NamedTuple("Q", [("a", int), ("b", str)])
print(Q(1, "s"), P._make([3, 4]), p < P(2), sorted([P(2), P(1, 5), P(1, 2)]))
class M(TypedDict):
    name: str
    year: int
m = M(name="x", year=1); print(m, type(m))
class Opt(TypedDict, total=False):
    tag: str
print(Opt(), Opt.__total__)
Point = collections.namedtuple("Point", "x y")
pt = Point(1, y=2)
print(pt, pt.x + pt.y, pt._asdict(), Point._fields, pt._replace(x=9))
Emp = collections.namedtuple("Emp", ["name", "dept", "salary"], defaults=[0])
print(Emp("a", "b"), Emp._field_defaults)
attempt(lambda: Point(1))
attempt(lambda: collections.namedtuple("X", "a _b"))
class Card(NamedTuple):
    rank: str
    suit: str
    def __str__(self): return self.rank + self.suit
print(str(Card("A", "s")), Card("A", "s"))
import types
print(types.SimpleNamespace(a=1, b="x"))
print(type(None).__module__, type(None).__qualname__, repr(list[int]), list[int](), dict[str, list["Foo"]], tuple[int, ...], int | str | None, (int | None).__args__)
def f(a: list[int], b: Optional[dict[str, int]] = None, *, c: int | None = None) -> tuple[int, ...]: pass
print(f.__annotations__)
class Foo: pass
print(Foo | None, list[Foo], Optional[Foo] == (Foo | None))
