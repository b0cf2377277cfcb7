# metaclass=ABCMeta as CPython: abstract methods refused at instantiation,
# register, subclasses of collections.abc classes.
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import Iterator, Mapping

class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return "square"

try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
sq = Square(3)
print(sq.area(), isinstance(sq, Shape), type(Shape), type(Square), Shape.__abstractmethods__ == {"area", "name"})

class Half(Shape):
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print("TypeError:", e)

class Base(ABC):
    @abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self):
        return "ran"
print(Impl().run(), type(Base).__name__, issubclass(Impl, Base))
try:
    Base()
except TypeError as e:
    print("TypeError:", e)

class Countdown(Iterator):
    def __init__(self, n):
        self.n = n
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), isinstance(Countdown(1), Iterator), type(Countdown).__name__)

class Plain:
    pass
Shape.register(Plain)
print(isinstance(Plain(), Shape), issubclass(Plain, Shape))
