from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
import enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, 2 in Color, 7 in Color, [c.name for c in Color], Color.__members__.keys())
print(Color, type(Color.RED), isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED == 1, f"{Color.GREEN}", hash(Color.RED) == hash(Color.RED))
print({Color.RED: "r"}[Color.RED], sorted(Color, key=lambda c: c.value, reverse=True), list(reversed(Color)))
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()
print(list(State), State.DONE.value)
class Prio(IntEnum):
    LOW = 1
    HIGH = 2
print(Prio.LOW < Prio.HIGH, Prio.HIGH == 2, Prio.HIGH + 1, repr(Prio.HIGH), str(Prio.HIGH), f"{Prio.LOW}", sorted([Prio.HIGH, Prio.LOW]), Prio(1), int(Prio.HIGH), [1, 2, 3][Prio.LOW])
class Mode(StrEnum):
    READ = auto()
    WRITE = "w"
print(Mode.READ, repr(Mode.READ), Mode.WRITE == "w", f"{Mode.READ}", Mode("w"), Mode.READ.upper())
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), repr(Perm.R & Perm.X), list(rw), Perm(7))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet.EARTH.value, Planet((3.303e+23, 2.4397e6)))
class Shape(Enum):
    CIRCLE = "circle"
    def describe(self):
        return f"{self.name.lower()} shape"
    @classmethod
    def default(cls):
        return cls.CIRCLE
print(Shape.CIRCLE.describe(), Shape.default(), Shape("circle"))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: Color(7)); attempt(lambda: Color["PURPLE"]); attempt(lambda: Prio(5))
def dup():
    @unique
    class D(Enum):
        A = 1
        B = 1
attempt(dup)
def ext():
    class More(Color):
        PINK = 9
attempt(ext)
match_val = Color.GREEN
if match_val is Color.GREEN:
    print("green!")
print(Color.RED.__class__.__name__, type(Color).__name__)
