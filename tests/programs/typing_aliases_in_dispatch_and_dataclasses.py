# singledispatch registers a Union annotation's classes, and a dataclass's
# __doc__ names typing's aliases as CPython does.
from functools import singledispatch
from typing import Union, List, Optional
from dataclasses import dataclass, field

@singledispatch
def show(x):
    return f"object {x!r}"

@show.register
def _(x: Union[int, float]):
    return f"number {x}"

@show.register
def _(x: str | bytes):
    return f"text {x!r}"

@show.register(list)
def _(x):
    return f"list of {len(x)}"

print(show(1), show(2.5), show("a"), show(b"b"), show([1, 2]), show(None))

@dataclass
class Order:
    items: List[int] = field(default_factory=list)
    note: Optional[str] = None
    tags: list[str] = field(default_factory=list)

print(Order.__doc__)
print(Order())
