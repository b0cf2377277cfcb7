# int, float, str, repr, bool, list, tuple, dict, set, hex, bin, oct, ord, chr.
print(int(), int(3.9), int(-3.9), int("42"), int(" -7 "), int("1_000"), int(True))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("0o777", 0), int("101", 2))
print(int("z", 36), int("0b11", 0), int("10", 0), int("-0x1A", 0))
for bad in ["abc", "1.5", "", "0x10", " ", "1 2"]:
    try:
        int(bad)
    except ValueError as exc:
        print("ValueError:", exc)
try:
    int("12", 2)
except ValueError as exc:
    print("ValueError:", exc)
try:
    int(None)
except TypeError as exc:
    print("TypeError:", exc)
try:
    int("5", 1)
except ValueError as exc:
    print("ValueError:", exc)
print(float(), float(3), float("2.5"), float("-1e3"), float("inf"), float(" 7 "), float(True))
print(str(), str(5), str(-2.5), str([1]), str(None), str("s"), str((1,)))
print(repr(5), repr("s"), repr([1, "a"]), repr(2.0), repr("tab\t"), repr("quote'"))
print(bool(), bool(0), bool(2), bool(""), bool("0"), bool([]), bool(None))
print(list(), list("ab"), list((1, 2)), list(range(2)), list({"a": 1}.items()))
print(tuple(), tuple("ab"), tuple([1, [2]]))
print(dict(), dict(a=1), dict([(1, 2)]), dict(zip("xy", (1, 2))), dict({"a": 1}, b=2))
print(set(), sorted(set("hello")), set([1, 1, 2]))
print(hex(255), hex(-255), hex(0), bin(10), bin(-10), bin(0), oct(8), oct(-8), oct(0))
print(hex(2 ** 64), bin(1), oct(511))
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(233), chr(8364), chr(128512))
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    ord("ab")
except TypeError as exc:
    print("TypeError:", exc)
try:
    chr(-1)
except ValueError as exc:
    print("ValueError:", exc)
try:
    hex(1.5)
except TypeError as exc:
    print("TypeError:", exc)
print(type(1), type(1.0), type("s"), type(None), type([]), type(()), type({}), type(set()))
print(type(1).__name__, type(True).__name__, type(len).__name__, type(range(1)).__name__)
print(type(print).__name__, type(lambda: 0).__name__, type(type).__name__, type(int).__name__)
class C:
    def m(self):
        pass
print(type(C).__name__, type(C()).__name__, type(C().m).__name__, type(C.m).__name__)
print(isinstance(1, int), isinstance(1, float), isinstance(1, (float, int)), isinstance("a", str))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(C, type), isinstance(C(), C), isinstance(C(), object))
print(issubclass(int, object), issubclass(bool, int), issubclass(str, int), issubclass(C, object))
print(int("3"), str(10 ** 20), float("1e500"), float("-1e500"))
