# auto() with and without _generate_next_value_ (and in a Flag's body),
# @unique, custom __new__/__init__, _order_, _ignore_, member/nonmember.
from enum import Enum, Flag, auto, unique, member, nonmember


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
    E = (auto(), 'x')


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return f'{name.lower()}{count}'
    P = auto()
    Q = auto()


class Bits(Flag):
    A = auto()
    B = auto()
    AB = A | B


print(list(Auto), list(Lower), list(Bits), Bits.AB, repr(auto(5)))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
except ValueError as e:
    print('ValueError', e)


class Planet(Enum):
    def __new__(cls, value, mass):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.mass = mass
        return obj
    EARTH = (3, 5.97)
    MARS = (4, 0.642)


class Size(Enum):
    _order_ = 'S M call'
    _ignore_ = 'tmp'
    S = 1
    M = 2
    tmp = 3
    helper = nonmember(42)
    call = member(len)

    def __init__(self, value):
        self.double = value * 2 if isinstance(value, int) else None


print(list(Planet), Planet(4), Planet.MARS.mass, list(Size), Size.helper, Size.M.double, hasattr(Size, 'tmp'))
try:
    class Wrong(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print('TypeError', e)
