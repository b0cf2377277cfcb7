# With "from __future__ import annotations" every annotation is a string;
# get_type_hints evaluates them (PEP 585/604 forms included).
from __future__ import annotations
from dataclasses import dataclass, field, fields
from typing import Optional, get_type_hints, get_origin, get_args


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = field(default_factory=list)
    parent: Optional[Item] = None
    meta: dict[str, int | None] = field(default_factory=dict)


def total(items: list[Item], *, discount: float | None = None) -> float:
    return sum(i.price for i in items) * (1 - (discount or 0))


print(Item.__annotations__)
print([f.type for f in fields(Item)])
hints = get_type_hints(Item)
print(hints)
print(get_type_hints(total))
for name, tp in hints.items():
    print(name, get_origin(tp), get_args(tp))


def check(obj):
    # a small runtime validator over the evaluated hints
    problems = []
    for name, tp in get_type_hints(type(obj)).items():
        value = getattr(obj, name)
        origin = get_origin(tp)
        if origin is None:
            ok = isinstance(value, tp)
        elif origin is list or origin is dict:
            ok = isinstance(value, origin)
        else:
            ok = any(isinstance(value, get_origin(a) or a) for a in get_args(tp))
        if not ok:
            problems.append(name)
    return problems


print(check(Item("pen", 1.5)), check(Item("pen", "free", parent=3)))
print(total([Item("a", 2.0), Item("b", 3.0)], discount=0.5))
