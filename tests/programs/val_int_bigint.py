# Arbitrary-precision integers.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

print(factorial(30))
print(factorial(100))
print(len(str(factorial(500))), str(factorial(500))[:20], str(factorial(500))[-130:-110])
print(2 ** 200)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63))
print(3 ** 100 // 7 ** 30, 3 ** 100 % 7 ** 30)
print((10 ** 30 + 7) * (10 ** 25 - 3))
print(10 ** 40 // 10 ** 20, 10 ** 40 / 10 ** 20)
print(-(10 ** 30) // 7, -(10 ** 30) % 7, (10 ** 30) // -7, divmod(-(10 ** 25), 10 ** 12 + 1))
a = 123456789123456789123456789
b = 987654321987654321
print(a + b, a - b, b - a, a * b)
print(a // b, a % b, divmod(a, b), divmod(-a, b))
print(pow(2, 1000, 10 ** 9 + 7), pow(3, 10 ** 18, 1000), pow(a, b, 97))
print(pow(3, -1, 7), pow(7, -2, 13))
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 2, 2 ** 100 == 2 ** 100, 2 ** 64 == 18446744073709551616)
print(abs(-(2 ** 70)), -(-(2 ** 70)), +(2 ** 70))
print(int("9" * 50) + 1)
print(int(-3.99), int(3.99), int(1e20), int(-1e20), int(2.5e30))
print(float(2 ** 100), float(10 ** 20), 2 ** 100 / 2 ** 98, 10 ** 30 / 3)
print((2 ** 128).bit_length(), (255).bit_length(), (0).bit_length(), (-8).bit_length())
print(hex(2 ** 100), bin(2 ** 70 + 1), oct(8 ** 30))
print(hex(-(2 ** 65)), str(-(10 ** 40)))
print(sum(range(10 ** 6)), sum(i * i for i in range(1_000_000)))
print(max(2 ** 100, 3 ** 60), min(-(2 ** 100), -(3 ** 60)))
print(2 ** 63 * 2 ** 63 == 2 ** 126, (2 ** 63) ** 2)
n = 1
for _ in range(10):
    n = n * 1000003 + 7
print(n, n % 1000003, n >> 100, n & 0xFFFF)
print(12345678901234567890 * 0, 0 * (2 ** 200), (2 ** 200) ** 0, 1 ** (2 ** 100))
print(7 ** 77 % 10 ** 10, (-7) ** 77 % 10 ** 10)
print(int(str(2 ** 333)) == 2 ** 333, round(2 ** 100 + 0.0) == 2 ** 100)
