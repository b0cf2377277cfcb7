# str(), format() and repr() of enum members with a data type mixed in:
# class X(int, Enum) prints like a plain Enum, IntEnum/StrEnum/IntFlag
# (ReprEnum) print their value.
from enum import Enum, IntEnum, StrEnum, IntFlag, Flag, auto


class Prio(int, Enum):
    LOW = 1
    HIGH = 2


class Tag(str, Enum):
    NEW = 'new'
    OLD = 'old'


class Level(IntEnum):
    DEBUG = 10
    INFO = 20


class Mode(StrEnum):
    READ = auto()
    WRITE = 'w'


class Perm(IntFlag):
    R = 4
    W = 2


class Both(int, Flag):
    A = 1
    B = 2


class Loud(Enum):
    def __str__(self):
        return self.name.upper() + '!'


class Volume(int, Loud):
    quiet = 1
    loud = 9


for m in (Prio.LOW, Tag.NEW, Level.INFO, Mode.READ, Mode.WRITE, Perm.R, Perm.R | Perm.W,
          Both.A, Both.A | Both.B, Volume.loud):
    print(repr(m), str(m), f"{m}", format(m), "%s" % m, [m])
print(f"[{Prio.HIGH:>10}] [{Tag.OLD:^9}] [{Level.DEBUG:05d}] [{Mode.WRITE:>3}] [{Perm.W:04b}]")
print(Prio.LOW + 1, Prio.HIGH * 2, Prio.LOW < Prio.HIGH, Prio.LOW == 1, int(Prio.HIGH), hash(Prio.LOW) == hash(1))
print(Tag.NEW.upper(), Tag.OLD + '!', Tag.NEW == 'new', len(Tag.OLD), Tag('old'), Tag['NEW'])
print(Level.INFO + 5, Level(10), Level.DEBUG.name, Level.DEBUG.value, sorted([Level.INFO, Level.DEBUG]))
print(Mode.READ.value, Mode('w'), Mode.READ == 'read', '-'.join(Mode))
print(Perm.R.value, Perm(6), int(Perm.R | Perm.W), Perm.R | 1, repr(Perm.R | 1))
print(Volume.quiet, Volume.loud + 1, repr(Volume.quiet), f"{Volume.quiet}")
print(str(Prio), repr(Tag), Prio.__mro__[1], Prio._member_type_, Tag._member_type_)
