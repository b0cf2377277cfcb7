# typing.get_type_hints evaluates string annotations in the function's (or
# the class's module's) globals; classes merge their bases' annotations.
from typing import Optional, List, Dict, Callable, ClassVar, Literal, Tuple, Annotated, get_type_hints
import typing


def f(y: "Optional[str]" = None, z: "int" = 0) -> "List[int]":
    pass


def g(a: List["Node"], b: "Dict[str, List[Node]]", c: "Callable[[int, str], None]", d: None,
      e: "Literal['x', 2]", t: "Tuple[int, ...]") -> "Node | None":
    pass


class Node:
    value: int
    children: "List[Node]"
    parent: Optional["Node"] = None
    label: ClassVar[str] = "n"


class Leaf(Node):
    weight: "float"
    value: "str"


def h(x: Annotated[int, "meta"], y: "Annotated[List[int], 'm2']") -> None:
    pass


def k(x: "list[int]", y: "dict[str, Node]", z: "int | str", w: "typing.Optional[int]"):
    pass


class M:
    def meth(self, x: "Node") -> "int":
        return 0


print(get_type_hints(f))
print(f.__annotations__)
print(get_type_hints(g))
print(get_type_hints(Node))
print(get_type_hints(Leaf))
print(list(get_type_hints(Leaf)), Leaf.__annotations__)
print(get_type_hints(h))
print(get_type_hints(h, include_extras=True))
print(get_type_hints(k))
print(get_type_hints(M.meth), get_type_hints(M().meth))
print(get_type_hints(lambda: 0), get_type_hints(f, {"Optional": Optional, "List": List}))


def bad(x: "Missing"):
    pass


try:
    get_type_hints(bad)
except NameError as e:
    print("NameError:", e)
hints = get_type_hints(g)
print(hints["b"] == Dict[str, List[Node]], typing.get_args(hints["b"]), typing.get_origin(hints["a"]))
