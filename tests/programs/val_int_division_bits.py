# Floor division, modulo, divmod and bit operations with negative operands.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(f"{a:3} {b:3} | // {a // b:3} | % {a % b:3} | divmod {divmod(a, b)}")
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5, divmod(-7.5, 2))
print(5 % 0.75, -5 % 0.75, 1e300 % 7)
print(-5 & 3, -5 | 3, -5 ^ 3, ~5, ~-5, ~0)
print(-1 >> 1, -8 >> 1, -9 >> 2, -1 << 3, 1 << 70, -(1 << 70) >> 68)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(-(2 ** 70) & 0xFF, -(2 ** 70) | 1, (2 ** 70 - 1) ^ -1)
print(6 & -6, -16 & 15, 255 ^ -256)
print(abs(-7), abs(7), abs(-0), abs(-2.5))
print(2 ** -1, 2 ** -2, (-2) ** 3, (-2) ** 2, -2 ** 2, 0 ** 0, 2 ** 0.5)
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(4, 0.5))
print(10 / 4, 10 / 5, -10 / 4, 1 / 3, 2 / 3, 7 / 7)
print(round(7 / 2), round(-7 / 2), 7 // 2 * 2 + 7 % 2)
print(int("-0"), int("+5"), int("0010"), -0, 0 == -0)
for a, b in [(1, 0), (1.5, 0), (5, 0.0)]:
    for op in ("//", "%", "/"):
        try:
            eval_result = {"//": lambda: a // b, "%": lambda: a % b, "/": lambda: a / b}[op]()
        except ZeroDivisionError as exc:
            print(a, op, b, "->", exc)
try:
    divmod(1, 0)
except ZeroDivisionError as exc:
    print("divmod:", exc)
try:
    1 << -1
except ValueError as exc:
    print("ValueError:", exc)
try:
    pow(2, 3, 0)
except ValueError as exc:
    print("ValueError:", exc)
try:
    0 ** -1
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
