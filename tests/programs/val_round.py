# round(): banker's rounding for halves, ndigits, negative ndigits, ints vs floats.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(0.4), round(0.6), round(-0.4), round(-0.6))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
print(round(3.14159, 2), round(3.14159, 4), round(2.675, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(15, -1), round(25, -1), round(35, -1), round(5, -1), round(-15, -1))
print(round(7), round(-7), round(7, 2), type(round(7, 2)).__name__)
print(round(1e20), round(123456789.987654321, 3))
print(round(0.1 + 0.2, 10), round(2 ** 70, -20))
print(round(1.0000001, 5), round(-0.0), round(-0.4), round(0.0001, 2))
print(round(2.5, None), round(True), round(False, 1))
try:
    round(float("inf"))
except OverflowError as exc:
    print("OverflowError:", exc)
try:
    round(float("nan"))
except ValueError as exc:
    print("ValueError:", exc)
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round("1.5")
except TypeError as exc:
    print("TypeError:", exc)
