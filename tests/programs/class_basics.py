# Classes: __init__, methods, class vs instance attributes, bound methods.
class Point:
    dimensions = 2
    created = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.created += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

    def describe(self):
        return "Point(%d, %d)" % (self.x, self.y)

p = Point(3, 4)
q = p.moved(1)
print(p.norm2(), q.describe(), Point.created)
print(p.dimensions, Point.dimensions)
p.dimensions = 3
print(p.dimensions, Point.dimensions, q.dimensions)
Point.dimensions = 4
print(p.dimensions, q.dimensions)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(Point.norm2(q))
print(type(p).__name__, type(p) is Point, p.__class__.__name__)
print(sorted(vars(p).items()))
print(p.__dict__ == {"x": 3, "y": 4, "dimensions": 3})
print(Point.__name__, Point.__qualname__, Point.__module__)
print(p.describe.__name__, Point.describe.__qualname__)
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "z", "default"))
setattr(p, "z", 9)
print(p.z)
delattr(p, "z")
print(hasattr(p, "z"))

class Empty:
    pass
e = Empty()
e.anything = "dynamic attribute"
print(e.anything)
print(isinstance(e, Empty), isinstance(e, object), isinstance(3, Empty))

class WithClassList:
    shared = []
    def add(self, v):
        self.shared.append(v)
a, b = WithClassList(), WithClassList()
a.add(1); b.add(2)
print(WithClassList.shared)

class Nested:
    class Inner:
        value = "inner value"
    def get(self):
        return self.Inner.value
print(Nested().get(), Nested.Inner.__qualname__)

def external(self):
    return "attached later: " + self.name
class Late:
    def __init__(self):
        self.name = "late"
Late.method = external
print(Late().method())
print(p == q, p == p, p != q)
