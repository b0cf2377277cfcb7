# The functional API: Enum('Name', names) and friends.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag


Color = Enum('Color', 'RED GREEN BLUE')
print(Color, list(Color), Color.RED.value, Color.__name__, Color.__qualname__, Color.__module__)
print(Color(2), Color['BLUE'], Color.RED is Color(1), len(Color), type(Color).__name__)
print(list(Enum('Commas', 'A, B,C')))
print(list(Enum('Started', 'A B', start=10)))
print(list(Enum('Listed', ['X', 'Y'])))
print(list(Enum('Tupled', ('X', 'Y'))))
print(list(Enum('Pairs', [('X', 5), ('Y', 'why'), ('Z', (1, 2))])))
print(list(Enum('Mapped', {'P': 1, 'Q': 2})))
Named = Enum(value='Named', names='ONE TWO', module='shapes', qualname='Outer.Named')
print(Named, Named.__module__, Named.__qualname__, list(Named))
Empty = Enum('Empty', [])
print(list(Empty), len(Empty), Empty)
Ints = IntEnum('Ints', 'ONE TWO')
print(list(Ints), Ints.ONE + 1, Ints.TWO, str(Ints.TWO))
Typed = Enum('Typed', 'A B', type=int)
print(list(Typed), Typed.A + 1, Typed.B, isinstance(Typed.A, int))
Strs = StrEnum('Strs', 'ALPHA BETA')
print(list(Strs), Strs.ALPHA, Strs('beta'))
Flags = Flag('Flags', 'R W X')
print(list(Flags), Flags.R | Flags.X, ~Flags.W)
IFlags = IntFlag('IFlags', 'R W X', start=8)
print(list(IFlags), IFlags.R | IFlags.X, IFlags.W | 1)


class Base(Enum):
    def twice(self):
        return self.value * 2


Derived = Base('Derived', 'X Y')
print(list(Derived), Derived.Y.twice(), isinstance(Derived.X, Base))
for call in (lambda: Enum('Nothing'), lambda: Base(1), lambda: Color(7), lambda: Color('X', 'Y')):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    Enum()
except TypeError as e:
    print('TypeError', e)
