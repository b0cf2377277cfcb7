# Multiple inheritance and the C3 method resolution order, cooperative super().
class Base:
    def hello(self):
        return ["Base"]

class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()

class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()

class Child(Left, Right):
    def hello(self):
        return ["Child"] + super().hello()

print(Child().hello())
print([c.__name__ for c in Child.__mro__])
print(isinstance(Child(), Right), issubclass(Child, Left))

class Mixin:
    def describe(self):
        return f"{type(self).__name__} with {self.size}"

class Thing:
    def __init__(self, size):
        self.size = size

class Described(Mixin, Thing):
    pass

print(Described(3).describe())
try:
    class Bad(Base, Left):
        pass
except TypeError as exc:
    print("TypeError:", exc)
