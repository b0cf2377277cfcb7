# Builtin subclasses: vars/dir/del of attributes, __slots__, cycles collected,
# __class__ assignment, int subclass arithmetic and conversions.
import gc
class D(dict):
    pass
d = D(a=1)
d.x = 5
print(vars(d), hasattr(d, "x"), getattr(d, "y", None), "x" in dir(d), "keys" in dir(d))
del d.x
print(vars(d), hasattr(d, "x"))
try:
    del d.x
except AttributeError as e:
    print("AttributeError:", e)
class L(list):
    __slots__ = ("tag",)
l = L([1])
l.tag = "t"
print(l.tag, l)
try:
    l.other = 1
except AttributeError as e:
    print("AttributeError:", e)
a = D(); b = D()
a.peer = b; b.peer = a
del a, b
gc.collect()
class S(str):
    pass
s = S("x")
s.__class__ = S
print(type(s).__name__)
class T(tuple):
    pass
try:
    s.__class__ = T
except TypeError as e:
    print("TypeError:", e)
print(isinstance(S("a"), S), S("a") is not S("a"), S("") == "", bool(S("")), len({S("a"), "a"}))
class I(int):
    pass
print(I(5) ** 2, I(7) // I(2), I(3) << 2, I(2) & 3, int.__repr__(I(5)), I(), I("12"), I("ff", 16), sum([I(1), I(2)]), max(I(3), 4), round(I(7)), type(round(I(7))).__name__)
print(sorted({I(2): "b", I(1): "a"}.items()), str(I(9)), "%d%%" % I(5), "{:>4}".format(I(5)), round(I(7), 1), type(round(I(7), 1)).__name__)
