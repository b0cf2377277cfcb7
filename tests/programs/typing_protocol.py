# typing.Protocol: structural isinstance/issubclass with @runtime_checkable,
# TypeError without it; protocols inheriting protocols; explicit subclasses.
from typing import Protocol, runtime_checkable, Iterable, SupportsInt, SupportsFloat, SupportsIndex, SupportsAbs

def attempt(label, fn):
    try: print(label, fn())
    except TypeError as e: print(label, "TypeError:", e)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

@runtime_checkable
class Named(Protocol):
    name: str
    def greet(self) -> str: ...

class Sizer(Protocol):
    def size(self) -> int: ...

class File:
    def close(self): return "closed"

class Person:
    def __init__(self, name): self.name = name
    def greet(self): return "hi " + self.name

class Robot:
    def greet(self): return "beep"

class NoClose:
    close = None

print(isinstance(File(), Closer), isinstance(3, Closer), isinstance(NoClose(), Closer))
print(issubclass(File, Closer), issubclass(int, Closer), issubclass(NoClose, Closer))
print(isinstance(Person("ann"), Named), isinstance(Robot(), Named))
attempt("issubclass data member:", lambda: issubclass(Person, Named))
attempt("isinstance plain:", lambda: isinstance(File(), Sizer))
attempt("issubclass plain:", lambda: issubclass(File, Sizer))
attempt("issubclass non-class:", lambda: issubclass(File(), Closer))

@runtime_checkable
class ClosableSizer(Closer, Protocol):
    def size(self) -> int: ...

class Box:
    def close(self): pass
    def size(self): return 3

print(isinstance(Box(), ClosableSizer), isinstance(File(), ClosableSizer), isinstance(Box(), Closer))
print(sorted(ClosableSizer.__protocol_attrs__), ClosableSizer._is_protocol)

class Impl(Sizer):
    def size(self): return 1

class Explicit(Closer):
    pass

print(Impl().size(), Impl._is_protocol, Sizer._is_protocol, isinstance(Impl(), Impl))
attempt("explicit non-runtime:", lambda: isinstance(Impl(), Sizer))
print(isinstance(Explicit(), Closer), issubclass(Explicit, Closer), Explicit().close())
attempt("instantiate:", lambda: Closer())
attempt("decorate class:", lambda: runtime_checkable(File))
try:
    class Bad(Protocol, File):
        pass
except TypeError as e:
    print("TypeError:", e)

@runtime_checkable
class Iter(Iterable, Protocol):
    def extra(self): ...

print(isinstance([], Iter), isinstance(3, SupportsInt), isinstance("x", SupportsInt))
print(isinstance(2.5, SupportsFloat), isinstance(3, SupportsIndex), isinstance(-2, SupportsAbs), isinstance(2.0, SupportsIndex))
print(type(Closer).__name__, Closer, Protocol)
