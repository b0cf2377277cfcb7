from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, InitVar
import dataclasses
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), p.x, is_dataclass(p), is_dataclass(Point), is_dataclass(3))
print([f.name for f in fields(p)], [f.type for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9))
print(Point.__doc__, Point.__match_args__, Point.y)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()
v = Version(1, 2)
print(v, v < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1, 2)]), hash(v) == hash(Version(1, 2)), {v: 1}[Version(1, 2)])
try:
    v.major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError", e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)

@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: ClassVar[int] = 0
    def add(self, it):
        self.items.append(it)
        self.count += 1
a, b = Inventory("a"), Inventory("b")
a.add("x")
print(a, b, a.count, Inventory.total, [f.name for f in fields(Inventory)])

@dataclass
class Task:
    name: str
    priority: int = 1
    done: bool = field(default=False, init=False)
    def __post_init__(self):
        self.label = f"{self.name}:{self.priority}"
t = Task("t", 3)
print(t, t.label, t.done)

@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Derived(Base):
    c: float = 1.5
print(Derived(1), Derived(1, "x", 2.0), asdict(Derived(2)))

@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1, 2), [Point(3, 4)])), astuple(Nested(Point(1, 2), [])))

@dataclass(repr=False, eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), repr(Plain(1)).startswith("<__main__.Plain object"))

@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.x *= scale
print(WithInit(3), WithInit(3, 10))

@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2
print(KW(a=1))

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: Point())
attempt(lambda: Point(1, 2, 3))
attempt(lambda: Point(1, x=2))
attempt(lambda: Point(1, z=2))
attempt(lambda: Task())
attempt(lambda: KW(1))
attempt(lambda: replace(p, z=1))
attempt(lambda: asdict(3))
attempt(lambda: fields(3))
attempt(lambda: Version(1) < Point(1))
def bad1():
    @dataclass
    class B:
        x: int = 0
        y: int
attempt(bad1)
def bad2():
    @dataclass
    class B:
        x: list = []
attempt(bad2)
attempt(lambda: field(default=1, default_factory=list))
print(hash(Point(1, 2)) if Point.__hash__ else "unhashable", Point.__hash__)
