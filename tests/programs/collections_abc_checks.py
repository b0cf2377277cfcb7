from collections.abc import AsyncIterator, Iterable, Iterator, Callable, Awaitable, Mapping, Sequence, Generator, Coroutine, Hashable, Sized, MutableMapping, AsyncGenerator
import collections.abc
import asyncio
async def ticker(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i
def apply(f: Callable[[int], int], xs: Iterable[int]) -> list[int]:
    return [f(x) for x in xs]
print(AsyncIterator[int], Callable[[int], int], Mapping[str, int], Iterable, collections.abc.Sequence[str], ticker.__annotations__)
def g(): yield 1
async def c(): pass
class Bag:
    def __iter__(self): return iter([])
    def __len__(self): return 0
class Fn:
    def __call__(self): pass
class MyIt(Iterator):
    def __next__(self): raise StopIteration
co = c()
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator), isinstance(g(), Generator), isinstance(g(), Iterator))
print(isinstance(co, Coroutine), isinstance(co, Awaitable), isinstance(len, Callable), isinstance(Fn(), Callable), isinstance(3, Callable), isinstance(Bag(), Iterable), isinstance(Bag(), Sized))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Sequence), isinstance("s", Sequence), isinstance({}, Sequence), isinstance(3, Hashable), isinstance([], Hashable), isinstance(ticker(1), AsyncIterator), isinstance(ticker(1), AsyncGenerator))
print(issubclass(list, Iterable), issubclass(Bag, Sized), issubclass(int, Iterable), isinstance(MyIt(), Iterator), list(MyIt()), isinstance(3, int | str), isinstance("a", int | None))
co.close()
async def main():
    print([i async for i in ticker(3)], apply(lambda x: x * 2, range(3)))
asyncio.run(main())
