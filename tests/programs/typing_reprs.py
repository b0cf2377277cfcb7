import typing
from typing import Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Awaitable, Coroutine, AsyncIterator, AsyncGenerator, Iterable, Iterator, Generator, Type, Sequence, Mapping, TypeVar, Any, Literal, Final, ClassVar, NoReturn, get_args, cast, TYPE_CHECKING, NewType, Generic, Protocol, Deque, DefaultDict, Counter, OrderedDict, Annotated
print(Optional[int], Union[int, str], Union[int, None], Union[int, str, None], Union[int], Union[int, Union[str, float]])
print(List, List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Tuple[int, str], Set[int], FrozenSet[str])
print(Callable[[int, str], bool], Callable[..., int], Callable, Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[str])
print(AsyncGenerator[int, None], Iterable[int], Iterator[int], Generator[int, None, None], Type[int], Sequence[int], Mapping[str, int])
T = TypeVar("T"); K = TypeVar("K", bound=int); C = TypeVar("C", covariant=True)
print(T, K, C, T.__name__, List[T], Dict[T, int])
print(Any, Literal["a", 1], Final[int], ClassVar[int], Optional["Foo"], NoReturn)
class Foo: pass
print(Optional[Foo], List[Foo], Optional[list[int]])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), get_args(Optional[int]))
print(List[int] == List[int], Optional[int] == Union[int, None])
print(cast(int, "x"), TYPE_CHECKING)
UserId = NewType("UserId", int)
print(UserId(5), UserId)
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
s = Stack[int](); print(type(s).__name__, Stack[int])
class P(Protocol):
    def m(self) -> int: ...
print(Deque[int], DefaultDict[str, int], Counter[str], OrderedDict[str, int])
print(Annotated[int, "meta"])
