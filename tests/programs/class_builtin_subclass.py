# Classes deriving from list, dict, str, tuple, int and set: the builtin's
# behaviour, instance attributes, overridden and added methods, super().
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), type(s).__name__, isinstance(s, list))
print(s + [4], type(s + [4]))
s.name = "stk"
print(s.name, s.__dict__)
for x in s:
    print(x, end=" ")
print()
print(s == [1, 2, 3], sorted(s, reverse=True), s[1:], type(s[1:]))

class Registry(dict):
    def __init__(self, name):
        super().__init__()
        self.name = name
    def register(self, key):
        def deco(fn):
            self[key] = fn
            return fn
        return deco
    def __repr__(self):
        return f"Registry({self.name}, {dict.__repr__(self)})"

r = Registry("handlers")
@r.register("a")
def fa(): return 1
fa.__qualname__ = "fa"
print(len(r), list(r), r["a"](), "a" in r, r.name, repr(r)[:20])

class Counter(dict):
    def __missing__(self, k):
        return 0
c = Counter()
c["x"] += 1
c["x"] += 1
print(c, c["y"])

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, repr(n), n.shout(), len(n), n + "by", type(n + "by"), f"{n:>5}|", "%s" % n, n == "bob", hash(n) == hash("bob"))
print(type(str(n)), {n: 1}["bob"])

class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Pt(1, 2)
print(p, p.x, type(p), p == (1, 2), hash(p) == hash((1, 2)))

class Level(int):
    def describe(self):
        return f"level {self}"
l = Level(3)
print(l, l + 1, type(l + 1), l.describe(), l * 2, [0, 1, 2, 3][l], l == 3, repr(l), f"{l:03d}", isinstance(l, int), hash(l) == hash(3))
print({3: "x"}[l], int(l), type(int(l)))
