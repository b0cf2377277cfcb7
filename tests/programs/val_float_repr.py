# Float repr: shortest round-trip digits, exponents, special values.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 0.3)
print(1e16, 1e15, 1e-5, 1e-4, 0.0001, 123e-7)
print(1 / 3, 2 / 3, 10 / 3, 1 / 7)
print(-0.0, 0.0, -0.0 == 0.0, str(-0.0), repr(-0.0))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NaN"))
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf == inf, inf - inf)
print(1e308, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308)
print(1e22, 1e21, 1e-7, 12345678912345678.0, 0.1 * 3)
print(100.0, 1.0, 2.50, 1.25e2, 1234567890123.0)
print(float("1.5"), float("  -2e3 "), float("1_000.5"), float(7), float("0.1"))
print(3.0 * 1.1, 1.1 + 2.2, 0.7 - 0.4, 1.15 * 100)
print(round(2.675, 2), round(1.005, 2), 9007199254740993.0)
for x in [0.1, 1/3, 2**0.5, 1e100, 1.5e-300, 123.456, -7.25]:
    assert float(repr(x)) == x
print("round-trip ok")
print(repr(1.0), str(1.5), f"{0.1}", "%s" % 0.1, "%r" % 2.0)
print((0.5).as_integer_ratio(), (0.1).is_integer(), (2.0).is_integer())
print(int(2.9999999999999999), 0.1 + 0.7, 4.35 * 100)
print(1e16 + 1, 2.0 ** 53 + 1, 2 ** 53 + 1.0)
print(max(0.1, 0.2), min(-0.0, 0.0), abs(-0.0), -(0.0))
print(1.0 == 1, 1.5 > 1, 2 ** 0.5 * 2 ** 0.5, 10 ** -2)
print(float(10 ** 308), 10.0 ** 308 * 10)
try:
    float(10 ** 309)
except OverflowError as exc:
    print("OverflowError:", exc)
try:
    10.0 ** 400
except OverflowError as exc:
    print("OverflowError:", exc)
try:
    float("abc")
except ValueError as exc:
    print("ValueError:", exc)
try:
    int(inf)
except OverflowError as exc:
    print("OverflowError:", exc)
try:
    int(nan)
except ValueError as exc:
    print("ValueError:", exc)
print(sum([0.1] * 10), 0.1 * 10)  # 3.12: sum() of floats is compensated
print(3.14 // 1, 3.14 % 1, -3.14 // 1)
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), hash(-0.0) == hash(0.0))
