# Flag classes: iteration and len() list only the canonical (single-bit)
# members; multi-bit and zero members are named values; other values make
# pseudo-members. Also IntFlag, boundaries and auto() composites.
from enum import Flag, IntFlag, auto, CONFORM, EJECT, KEEP


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
    NONE = 0


print(list(Perm), len(Perm), list(reversed(Perm)))
print(repr(Perm.RWX), repr(Perm(7)), repr(Perm.R | Perm.W), repr(~Perm.R), repr(Perm(0)), repr(~Perm.RWX))
print(str(Perm.RWX), str(Perm.R | Perm.X), Perm.RWX is Perm(7), Perm.NONE is Perm(0))
print(list(Perm.RWX), list(Perm.R | Perm.X), list(Perm.NONE), len(Perm.RWX), len(Perm.NONE))
print(Perm.__members__)
print(list(Perm.__members__), Perm._member_names_)
print(Perm.R in Perm.RWX, Perm.W in (Perm.R | Perm.X), bool(Perm.NONE), bool(Perm.X))
print(Perm.RWX & Perm.W, Perm.R ^ Perm.RWX, Perm.RWX in Perm, 7 in Perm)
for value in (8, -1, 9):
    try:
        print(repr(Perm(value)))
    except ValueError as e:
        print('ValueError:', e)


class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1
    RWX = 7
    NONE = 0


print(list(IPerm), len(IPerm), IPerm.__members__)
print(repr(IPerm.RWX), repr(IPerm(7)), repr(IPerm.R | IPerm.W), repr(~IPerm.R), repr(IPerm(9)), repr(IPerm(-1)))
print(IPerm.R | IPerm.W, ~IPerm.R, IPerm.R + 1, list(IPerm.RWX), repr(IPerm.X | 8))


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), Color.WHITE, Color(3), ~Color.RED, [c.value for c in Color])


class Unordered(Flag):
    B = 2
    A = 1
    C = 4


print(list(Unordered), list(Unordered(7)), Unordered(3))


class Soft(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Out(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


print(repr(Soft(7)), repr(Out(7)), repr(Out(3)), repr(Keep(7)), repr(~Keep.A), repr(~Soft.A))
