# abc: abstract methods, CPython 3.12's instantiation error, ABCMeta,
# register and __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod
import abc
import collections.abc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 1


class Fetcher(ABC):
    @property
    @abstractmethod
    def url(self): ...

    @staticmethod
    @abstractmethod
    def make(): ...

    @classmethod
    @abstractmethod
    def build(cls): ...

    @abstractmethod
    async def fetch(self): ...


print(Square(3).describe(), Square(2).perimeter())
print(Shape.__abstractmethods__ == frozenset({'area', 'perimeter'}), Half.__abstractmethods__, Square.__abstractmethods__)
print(sorted(Fetcher.__abstractmethods__))
print(type(Shape), type(Square), ABCMeta, type(ABC), isinstance(Square(1), Shape), issubclass(Square, ABC))
print(type(collections.abc.Iterable) is ABCMeta, isinstance([], collections.abc.Iterable), isinstance(5, collections.abc.Iterable))
for cls in (Shape, Half, Fetcher):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Plugin(ABC):
    @abstractmethod
    def run(self): ...


class External:
    def run(self):
        return "external"


Plugin.register(External)
print(isinstance(External(), Plugin), issubclass(External, Plugin), Plugin.register(External) is External)
print(isinstance(3, Plugin), issubclass(int, Plugin))


class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return hasattr(C, '__len__')
        return NotImplemented


print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2))


class NotAbc:
    @abstractmethod
    def f(self): ...


print(NotAbc().f(), NotAbc.f.__isabstractmethod__)


class Base(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def go(self): ...


class Impl(Base):
    def go(self):
        return self.name + " goes"


print(Impl("x").go(), abc.update_abstractmethods(Impl) is Impl)
try:
    issubclass(3, Plugin)
except TypeError as e:
    print("TypeError:", e)
Shape()
