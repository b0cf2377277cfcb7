# __slots__: instances take only the names their classes' slots list, unless
# a class on the way has no __slots__ (or lists '__dict__').
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __slots__ = "z"


class Loose(Point):
    pass


class WithDict:
    __slots__ = ["a", "__dict__"]


p = Point(1, 2)
p.x = 10
print(p.x, p.y)
for obj, name in ((p, "z"), (Point3(1, 2), "w"), (p, "color")):
    try:
        setattr(obj, name, 3)
        print("set", name)
    except AttributeError as e:
        print("AttributeError:", e)
q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    print(Point3.__new__(Point3).z)
except AttributeError as e:
    print("AttributeError:", e)
loose = Loose(1, 2)
loose.anything = "fine"
print(loose.anything)
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b)
try:
    p.nope = 1
except AttributeError as e:
    print(type(e).__name__, e)
