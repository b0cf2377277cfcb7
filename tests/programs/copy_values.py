# copy and deepcopy of builtins, collections, instances, dataclasses, enums.
import copy
from collections import deque, defaultdict, OrderedDict, Counter
from dataclasses import dataclass, field
from enum import Enum

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c, b[1] is a[1], c[1] is a[1])
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) is not None, copy.deepcopy(t)[1] is t[1])
d = {"x": {1, 2}, "y": frozenset({3})}
dc = copy.deepcopy(d)
print(dc, dc["x"] is d["x"], copy.copy(d)["x"] is d["x"])


class Point:
    def __init__(self, x, y):
        print("init called")
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.y.append(3)
print(p, p2, p3, p2.y is p.y, p3.y is p.y, type(p3) is Point)


class Custom:
    def __init__(self):
        self.items = [1]

    def __copy__(self):
        print("__copy__")
        return "copied"

    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return "deep"


print(copy.copy(Custom()), copy.deepcopy([Custom()]))


class State:
    def __init__(self):
        self.a = 1
        self.cache = "big"

    def __getstate__(self):
        s = dict(self.__dict__)
        del s["cache"]
        return s

    def __setstate__(self, s):
        self.__dict__.update(s)
        self.cache = None


s = copy.deepcopy(State())
print(s.a, s.cache)


@dataclass
class Job:
    name: str
    tags: list = field(default_factory=list)


j = Job("a", ["x"])
j2 = copy.deepcopy(j)
j2.tags.append("y")
print(j, j2, j == copy.copy(j))


class Color(Enum):
    RED = 1


print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED)
dq = deque([1, [2]], maxlen=5)
dd = defaultdict(list, {"a": [1]})
od = OrderedDict(a=1)
cn = Counter("aab")
print(copy.copy(dq), copy.deepcopy(dq), copy.deepcopy(dd), copy.copy(od), copy.deepcopy(cn))
r = [1]
r.append(r)
rr = copy.deepcopy(r)
print(rr[1] is rr, rr is not r)
shared = [1]
pair = [shared, shared]
pp = copy.deepcopy(pair)
print(pp[0] is pp[1])
print(copy.copy(len) is len, copy.deepcopy(Point) is Point, copy.copy(None), copy.deepcopy("s"))


def gen():
    yield 1


try:
    copy.deepcopy(gen())
except TypeError as e:
    print("TypeError:", e)
e = copy.copy(ValueError("bad", 2))
print(repr(e), copy.Error)
