# __eq__, __lt__ and friends, __hash__, and what sorting/sets do with them.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def _key(self):
        return (self.major, self.minor)
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()
    def __lt__(self, other):
        return self._key() < other._key()
    def __le__(self, other):
        return self._key() <= other._key()
    def __hash__(self):
        return hash(self._key())
    def __repr__(self):
        return f"v{self.major}.{self.minor}"

a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a is c, a != b, a < b, b > a, a <= c, b >= a)
print(a == "1.2", a != "1.2")
print(sorted([Version(2, 0), b, a, Version(0, 9)]))
print(max([a, b]), min([a, b]))
print(len({a, b, c}), a in {c}, {a: "first"}[c])

class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as exc:
    print("TypeError:", exc)
print(NoHash.__hash__)

class Plain:
    pass
x, y = Plain(), Plain()
print(x == x, x == y, x != y, hash(x) == hash(x))
try:
    x < y
except TypeError as exc:
    print("TypeError:", exc)
try:
    a < 3
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    sorted([Plain(), Plain()])
except TypeError as exc:
    print("TypeError:", exc)

class Reflected:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("  __gt__ called")
        return self.v > other
print(3 < Reflected(5))

class AlwaysEqual:
    def __eq__(self, other):
        return True
    __hash__ = None
print([1, 2, 3].index(AlwaysEqual()) if False else [AlwaysEqual()].count(1))
print(AlwaysEqual() in [1, 2], 5 in [AlwaysEqual()])
print(hash(1) == hash(1.0), hash("abc") == hash("ab" + "c"), hash(True) == hash(1))
print(hash((1, 2)) == hash((1, 2)), hash(-1) == hash(-2), hash(0) == hash(0.0))
