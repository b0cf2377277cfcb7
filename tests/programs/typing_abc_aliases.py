# The typing aliases of collections.abc classes and builtins in isinstance,
# issubclass and as bases; subscripted ones refuse class checks.
import typing
from typing import (List, Dict, Iterable, Iterator, Sized, Mapping, Sequence, Callable, Hashable,
                    Awaitable, Coroutine, AsyncIterator, Optional, Union, TypeVar, Generic)


def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)


print(isinstance([1], Iterable), isinstance(3, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance("ab", Sized), isinstance({}, Mapping), isinstance((1,), Sequence), isinstance({}, Sequence))
print(isinstance(len, Callable), isinstance(lambda: 0, Callable), isinstance(1, Callable))
print(isinstance(1, Hashable), isinstance([], Hashable), isinstance([], List), isinstance({}, Dict), isinstance((), typing.Tuple))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Sized), issubclass(List, Sequence))


async def co():
    pass


class AIter:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration


c = co()
print(isinstance(c, Awaitable), isinstance(c, Coroutine), isinstance(AIter(), AsyncIterator), isinstance(1, Awaitable))
c.close()
attempt("List[int]:", lambda: isinstance([1], List[int]))
attempt("Iterable[int]:", lambda: isinstance([1], Iterable[int]))
attempt("issubclass Dict[str, int]:", lambda: issubclass(dict, Dict[str, int]))
attempt("Callable[[int], str]:", lambda: isinstance(len, Callable[[int], str]))
attempt("Any:", lambda: isinstance(1, typing.Any))
print(isinstance(3, Optional[int]), isinstance("s", Union[int, str]), isinstance(None, Optional[int]), isinstance(2.0, Union[int, str]))
attempt("List():", lambda: List())
print(typing.Deque[int](), typing.DefaultDict[str, int](int), typing.Counter("aab"))

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self):
        self.items = []


class IntStack(Stack[int]):
    pass


class Walker(Iterator[int]):
    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


class Names(List[str]):
    pass


print(IntStack.__mro__, IntStack.__orig_bases__)
print(list(Walker()), isinstance(Walker(), Iterator), isinstance(Walker(), typing.Iterator))
n = Names(["x"])
n.append("y")
print(n, len(n), isinstance(n, list), Names.__orig_bases__)
print(vars(Stack[str]()), Stack[int] == Stack[int], List[int] == List[int], Optional[int] == Union[None, int])
try:
    class U(Union[int, str]):
        pass
except TypeError as e:
    print("TypeError:", e)
