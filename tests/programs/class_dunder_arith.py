# Arithmetic dunders: __add__, __radd__, __iadd__, __sub__, __mul__, __neg__,
# __abs__, __truediv__, __floordiv__, __mod__, __pow__, NotImplemented fallback.
# (No @ here: loopscope rejects the matrix-multiplication operator, see reject/.)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, n):
        return Vec(self.x ** n, self.y ** n)
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, +a, abs(b))
print(b / 2, b // 2, b % 2, a ** 2)
print(a + b == Vec(4, 6), a == (1, 2))
try:
    a + 1
except TypeError as exc:
    print("TypeError:", exc)
try:
    "s" * a
except TypeError as exc:
    print("TypeError:", exc)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
    def __repr__(self):
        return f"Acc{self.items}"
acc = Acc()
keep = acc
acc += 1
acc += 2
print(acc, acc is keep)

v = Vec(1, 1)
orig = v
v += Vec(1, 1)
print(v, orig, v is orig)

class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Meters(self.v + other.v)
    def __radd__(self, other):
        return Meters(other + self.v)
    def __repr__(self):
        return f"{self.v}m"
print(sum([Meters(1), Meters(2), Meters(3)]))
print(5 + Meters(1))

class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __invert__(self): return Bits(~self.v)
    def __repr__(self): return bin(self.v)
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, x << 2, x >> 2, ~x)

class Left:
    def __add__(self, other):
        return "Left.__add__"
class Right(Left):
    def __radd__(self, other):
        return "Right.__radd__ wins (subclass)"
print(Left() + Right())
print(Left() + Left())
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __index__(self): return 3
print(int(Num()), float(Num()), [10, 20, 30, 40][Num()], bin(Num()))
