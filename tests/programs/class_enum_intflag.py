# IntFlag members are ints (Flag's operators first, unknown bits kept);
# Flag's invalid-value error; an IntEnum member of value 0 is falsy.
from enum import IntFlag, Flag, auto
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(Perm.R, repr(Perm.R), rw, repr(rw), f"{rw}", int(rw), rw == 6, isinstance(rw, int), Perm.R + 1, type(Perm.R + 1).__name__)
print(Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)), repr(Perm(0)), Perm(6) is rw, rw & Perm.R, repr(rw & Perm.R))
print(repr(Perm.R | 1), repr(Perm.R | 8), repr(~Perm.R), hash(Perm.W) == hash(2), sorted([Perm.R, Perm.X]), Perm.R > 3, format(Perm.R, "03d"))
class Color(Flag):
    RED = auto()
    GREEN = auto()
print(Color.RED | Color.GREEN, repr(Color.RED | Color.GREEN), bool(Color(0)), repr(~Color.RED))
try:
    Color.RED | 1
except TypeError as e:
    print("TypeError:", e)
try:
    Color(8)
except ValueError as e:
    print("ValueError:", e)
from enum import IntEnum
class Level(IntEnum):
    OFF = 0
    ON = 1
print(bool(Level.OFF), bool(Level.ON), not Level.OFF, -Level.ON, +Level.ON, ~Level.ON, abs(-Level.ON))
