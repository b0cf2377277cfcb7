# id (compared, never printed), hash equalities, callable, getattr & co.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, a == c)
x = None
print(id(x) == id(None), id(True) == id(True))
print(type(id(a)).__name__, type(hash("s")).__name__)
print(hash(42) == 42, hash(-7) == -7, hash(True) == 1, hash(0) == 0)
print(hash("text") == hash("te" + "xt"), hash((1, "a")) == hash((1, "a")))
print(hash(2 ** 61 - 1) == 0, hash(2 ** 61) == 1, hash(-1) == -2)
print(hash(1.5) == hash(1.5), hash(2.0) == hash(2), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash([])
except TypeError as exc:
    print("TypeError:", exc)
try:
    hash({})
except TypeError as exc:
    print("TypeError:", exc)
print(callable(len), callable(lambda: 1), callable(3), callable("s"), callable(int), callable(None))
class P:
    attr = "class attr"
p = P()
print(getattr(p, "attr"), getattr(p, "nothing", "fallback"), hasattr(p, "attr"))
setattr(p, "dyn", 5)
print(p.dyn, getattr(p, "dyn"))
try:
    getattr(p, "nothing")
except AttributeError as exc:
    print("AttributeError:", exc)
print("attr" in dir(p), "dyn" in dir(p), "nothing" in dir(p))
print(vars(p), P.__name__)
print(globals()["P"] is P, "a" in globals())
def show_locals():
    one = 1
    two = 2
    return sorted(locals().items())
print(show_locals())
print(abs(-3) == 3, divmod(7, 2))
print(repr(repr("x")), ascii("ñ"), format(5, "03d"))
print(min(1, 2, key=None), list(map(pow, [2, 3], [3, 2])))
print(isinstance(print, type(len)), all(map(callable, [len, print, str])))
print(list(sorted(set([3, 1, 2]))), tuple(reversed([1, 2])))
