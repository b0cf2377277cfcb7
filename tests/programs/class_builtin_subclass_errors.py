# Builtin subclasses: error messages, overridden operators, __slots__,
# __new__ with extra arguments.
# error messages and edge cases
class Stack(list):
    def pop_or_none(self):
        return self.pop() if self else None

s = Stack()
print(s, bool(s), s.pop_or_none(), repr(s))
try:
    s.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)
try:
    s + 1
except TypeError as e:
    print("TypeError:", e)
try:
    Stack(1)
except TypeError as e:
    print("TypeError:", e)

class Name(str):
    def __init__(self, value):
        self.length = len(value)
n = Name("alice")
print(n, n.length, n.title(), n[0], n[1:3], type(n[1:3]).__name__, n * 2, n.split("l"))
try:
    Name("a", "b")
except TypeError as e:
    print("TypeError:", e)
try:
    n.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    n + 1
except TypeError as e:
    print("TypeError:", e)

class Ordered(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)
o = Ordered()
o["a"] = 1
print(o["a"], o, o.get("a"), len(o), dict(o), type(dict(o)).__name__)
try:
    o["zz"]
except KeyError as e:
    print("KeyError:", e)

class Vec(list):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))
    def __repr__(self):
        return f"Vec({list.__repr__(self)})"
print(Vec([1, 2]) + Vec([3, 4]), Vec([1]) == [1], [1] + Vec([2]), issubclass(Vec, list), Vec.__mro__)

class Frozen(tuple):
    __slots__ = ()
f = Frozen((1, 2))
try:
    f.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(f, f + (3,), type(f + (3,)).__name__, len(f), f.count(1))

class Meters(int):
    def __new__(cls, value, unit="m"):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj
    def __repr__(self):
        return f"{int(self)}{self.unit}"
m = Meters(5)
print(m, repr(m), m + 1, m.unit, [m], str(m), f"{m}", m > 3, -m, abs(m), m // 2, divmod(m, 2), m.bit_length())

class Tags(set):
    pass
t = Tags([1, 2, 2])
print(t, len(t), 1 in t, t | {3}, type(t | {3}).__name__)

