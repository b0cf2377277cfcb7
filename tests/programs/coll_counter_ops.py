# Counter arithmetic and comparisons as CPython 3.12 has them.
from collections import Counter

c = Counter(a=3, b=-2, c=0, d=1)
print(+c, -c, c)
print(+Counter(), -Counter(x=5))
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=4)
print(a + b, a - b, b - a)
print(a | b, a & b, b & a)
try:
    a + {"a": 1}
except TypeError as e:
    print("TypeError:", e)

x = Counter(a=1)
x += Counter(a=2, b=-1)
print(x)
x -= Counter(a=1, z=-3)
print(x)
x |= Counter(c=2, a=1)
print(x)
x &= Counter(a=1, c=5)
print(x)
x += {"q": 2}
print(x)

print(Counter("abracadabra").most_common(), Counter("abracadabra").most_common(2))
print(Counter("bbaacc").most_common(), Counter("xyz").most_common(1), Counter("aab").most_common(0))
print(sorted(Counter(a=2, b=0, c=-1, d=3).elements()), list(Counter("hello").elements()))

s = Counter("aab")
s.subtract("abbc")
print(s)
s.subtract({"a": 5})
s.subtract(z=2)
print(s, s.total())
u = Counter()
u.update("xyzx")
u.update({"x": 10, "q": 1})
u.update(y=4)
u.update(Counter("qq"))
print(u, u.total(), Counter(a=2.5, b=1).total())

print(Counter(), repr(Counter()), Counter({"x": 1, "y": 3}), Counter({"a": "s", "b": "t"}))
print(Counter(a=1) == Counter(a=1, b=0), Counter("ab") == Counter("ba"), Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2, b=1), Counter(a=3) <= Counter(a=2), Counter(a=1) < Counter(a=1))
print(Counter(a=1) >= Counter(), Counter(a=1) > Counter(a=0), Counter(a=2) >= Counter(a=1, b=1))
print(Counter(a=1) == {"a": 1}, Counter(a=1, b=0) == {"a": 1})
try:
    Counter(a=1) <= {"a": 2}
except TypeError as e:
    print("TypeError:", e)

d = Counter(a=1)
del d["a"]
del d["never"]
print(d, d["never"], "never" in d)


class Bag(Counter):
    pass


bag = Bag("aab")
print(bag, type(bag.copy()).__name__, Bag(), bag + Bag("c"))
