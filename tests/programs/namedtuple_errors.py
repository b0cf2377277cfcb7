# namedtuple and typing.NamedTuple share one record: CPython's argument errors (defaults, three missing), _make's and _replace's messages
from collections import namedtuple
from typing import NamedTuple
R = namedtuple('R', 'a b c', defaults=[9])
for call in (lambda: R(), lambda: R(1, 2, 3, 4), lambda: R._make([1, 2]), lambda: R(1, 2)._replace(a=5, zz=1, yy=2),
             lambda: namedtuple('S', 'x y z')(), lambda: R(1, 2)[7]):
    try:
        print(call())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(R(1, 2), R._make([1, 2, 3]), R(1, 2)._replace(c=0), R._fields, R._field_defaults)
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt._make([3, 4]), Pt(1)._replace(y=5))
try:
    Pt._make([1])
except TypeError as e:
    print(e)
