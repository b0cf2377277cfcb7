# Enums with a data type: class Color(str, Enum), IntEnum, StrEnum members
# are strs and ints (str(), repr(), format(), json, arithmetic, indexing).
from enum import Enum, IntEnum, StrEnum, auto
import json

class Color(str, Enum):
    RED = "red"
    GREEN = "green"

print(Color.RED, repr(Color.RED), f"{Color.RED}", f"{Color.RED:>12}|", str(Color.RED), format(Color.RED))
print(Color.RED == "red", isinstance(Color.RED, str), Color("green"), Color.RED.value, Color.RED.name, Color.RED.upper())
print(json.dumps({"c": Color.RED}), json.dumps([Color.GREEN]), {"red": 1}[Color.RED], hash(Color.RED) == hash("red"))
print(list(Color), len(Color), Color.RED in Color, "%s" % Color.RED, Color.RED + "!", sorted([Color.RED, Color.GREEN]))

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

print(Priority.HIGH, repr(Priority.HIGH), f"{Priority.HIGH}", f"{Priority.HIGH:03d}", str(Priority.LOW), isinstance(Priority.LOW, int))
print(Priority.LOW < Priority.HIGH, Priority.LOW + 1, type(Priority.LOW + 1), Priority.HIGH * 2, Priority(2), [10, 20, 30, 40][Priority.HIGH])
print(sorted([Priority.HIGH, Priority.LOW]), max(Priority), Priority.MEDIUM == 2, {2: "two"}[Priority.MEDIUM], json.dumps({"p": Priority.LOW}))
print(int(Priority.HIGH), type(int(Priority.HIGH)), hash(Priority.LOW) == hash(1), range(Priority.HIGH), "%d" % Priority.HIGH, "%s" % Priority.HIGH)

class Mode(StrEnum):
    READ = auto()
    WRITE = "w"

print(Mode.READ, repr(Mode.READ), f"{Mode.WRITE}", Mode.READ == "read", Mode.READ.upper(), len(Mode.READ), str(Mode.WRITE), Mode("w"))
try:
    Priority(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color("blue")
except ValueError as e:
    print("ValueError:", e)

class Shape(Enum):
    SQUARE = 1
print(Shape.SQUARE, repr(Shape.SQUARE), f"{Shape.SQUARE}", isinstance(Shape.SQUARE, int))
