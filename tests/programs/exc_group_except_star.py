# ExceptionGroup and except*.
def failures():
    raise ExceptionGroup("several failures", [
        ValueError("bad value 1"),
        TypeError("bad type"),
        ValueError("bad value 2"),
    ])

try:
    failures()
except* ValueError as group:
    print("values:", [str(e) for e in group.exceptions])
    print("type:", type(group).__name__, "message:", group.message)
except* TypeError as group:
    print("types:", [str(e) for e in group.exceptions])

try:
    try:
        failures()
    except* TypeError:
        print("handled only the TypeError")
except ExceptionGroup as rest:
    print("left over:", rest.message, [repr(e) for e in rest.exceptions])

try:
    raise ValueError("naked")
except* ValueError as group:
    print("naked exception wrapped:", type(group).__name__, repr(group.exceptions))

eg = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [IndexError("i")])])
print(repr(eg))
print(str(eg))
print(len(eg.exceptions), eg.message)
matched, rest = eg.split(KeyError)
print(repr(matched))
print(repr(rest))
print(repr(eg.subgroup(IndexError)))
print(eg.subgroup(ZeroDivisionError))
try:
    raise eg
except* LookupError as group:
    print("LookupError matched nested:", repr(group))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as exc:
    print("error:", exc)
