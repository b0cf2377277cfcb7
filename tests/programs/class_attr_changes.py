# Attribute lookups must see every later change to a class: methods replaced,
# attributes added to or deleted from a base or a subclass, properties and
# __getattr__ added after instances were used, and classes made and dropped
# in a loop (a new class may live where an old one did).
import gc


class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"


class Child(Base):
    pass


c = Child()
for _ in range(3):
    print(c.kind, c.greet())

Child.kind = "child"
print(c.kind)
del Child.kind
print(c.kind)

Base.greet = lambda self: "patched"
print(c.greet())
Child.greet = lambda self: "child's own"
print(c.greet())
del Child.greet
print(c.greet())

c.kind = "instance"
print(c.kind)
del c.kind
print(c.kind)

Base.kind = property(lambda self: "computed")
print(c.kind)
try:
    c.kind = "x"
except AttributeError as e:
    print("AttributeError:", e)
del Base.kind

try:
    print(c.missing)
except AttributeError as e:
    print("AttributeError:", e)
Base.__getattr__ = lambda self, name: f"<{name} made up>"
print(c.missing)
del Base.__getattr__
try:
    print(c.missing)
except AttributeError as e:
    print("AttributeError:", e)

setattr(Base, "late", 42)
print(c.late, getattr(c, "late"), hasattr(c, "later"))

totals = []
for i in range(200):
    K = type(f"K{i}", (), {"value": i, "get": lambda self: self.value * 2})
    totals.append(K().get())
    del K
    if i % 50 == 0:
        gc.collect()
print(sum(totals), totals[:3], totals[-1])


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


k = Counter()
print([k.bump() for _ in range(3)])
Counter.bump = lambda self: -1
print([k.bump() for _ in range(2)])


class Shape:
    @property
    def area(self):
        return 1

    sides = property(None)


class Square(Shape):
    pass


for action in (lambda: setattr(Square(), "area", 2), lambda: delattr(Square(), "area"),
               lambda: Square().sides):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)

Point = type("Point", (), {"x": 0, "__repr__": lambda self: f"Point(x={self.x})"})
print(Point, Point.__name__, Point.__qualname__, Point.__module__, Point())
Sub = type("Sub", (Point,), {})
print(Sub.__mro__, Sub().x, isinstance(Sub(), Point))
try:
    type("Bad", (), [])
except TypeError as e:
    print("TypeError:", e)
