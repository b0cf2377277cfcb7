# Member lookup by name and value, its errors, comparisons and hashing,
# _missing_, and the read-only name/value.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color['RED'], Color(1), Color.CRIMSON, Color.CRIMSON is Color.RED, list(Color), len(Color))
print(list(Color.__members__), repr(Color.__members__)[:13], Color.RED.name, Color.RED.value)
for bad in (lambda: Color['PINK'], lambda: Color(7), lambda: Color('RED'), lambda: Color.PINK, lambda: [1] in Color):
    try:
        bad()
    except (KeyError, ValueError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(Color.RED == Color.CRIMSON, Color.RED != Color.GREEN, Color.RED == 1, Color.RED in Color, 2 in Color)
print({Color.RED: 'r'}[Color.CRIMSON], hash(Color.RED) == hash('RED'), sorted(Color, key=lambda c: -c.value))
for attr in ('name', 'value'):
    try:
        setattr(Color.RED, attr, 5)
    except AttributeError as e:
        print('AttributeError', e)
Color.extra = 'class attributes can still be set'
print(Color.extra)


class Status(Enum):
    ON = 'on'
    OFF = 'off'

    @classmethod
    def _missing_(cls, value):
        return cls(value.lower()) if isinstance(value, str) and value != value.lower() else None


print(Status('ON'), Status('off'))
for bad in (lambda: Status(3), lambda: Status('maybe')):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)


class Broken(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 'junk'


try:
    Broken(2)
except TypeError as e:
    print('TypeError', e, '| context:', repr(e.__context__))
try:
    del Color.RED.value
except AttributeError as e:
    print('AttributeError', e)
print(Color(Color.GREEN), Broken.A.__class__.__name__, isinstance(Broken.A, Enum), type(Color).__name__)
