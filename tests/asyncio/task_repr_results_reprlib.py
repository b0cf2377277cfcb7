import asyncio
from collections import deque


async def give(value):
    return value


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y}, label='a rather long label')"


async def main():
    values = [
        list(range(10)), list(range(6)), [], (1,), tuple(range(8)), (), {3, 1, 2}, set(range(20)),
        frozenset({5, 4}), frozenset(), {"b": 1, "a": [1, 2, 3, 4, 5, 6, 7], "c": 3, "d": 4, "e": 5}, {},
        "short", "x" * 28, "y" * 29, "a long result string that goes on and on", "line\nbreak " * 5,
        10 ** 50, 12345, 3.14159, True, None, deque(range(8)), [[[[[[[1]]]]]]], Point(1, 2),
        [Point(1, 2), "s" * 40], {"k": {"nested": {"deep": [1, 2, 3]}}}, ("a" * 40,),
    ]
    tasks = [asyncio.create_task(give(v), name=f"t{i}") for i, v in enumerate(values)]
    await asyncio.gather(*tasks)
    for t in tasks:
        print(repr(t).split(" result=", 1)[1])
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(list(range(100)))
    print(fut)


asyncio.run(main())
