# Benchmark: arbitrary-precision integers.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

f = 1
for _ in range(4):
    f = factorial(3000)
print("factorial(3000): bits", f.bit_length(), "mod 1e9+7", f % 1_000_000_007)
p = 3 ** 50000
print("3**50000 % 1000000007:", p % 1_000_000_007, "bits", p.bit_length())
print("pow(3, 10**6, 2**127-1):", pow(3, 10 ** 6, 2 ** 127 - 1))
print("sum of squares below 10_000_000:", sum(i * i for i in range(10_000_000)))
a, b = 0, 1
for _ in range(50000):
    a, b = b, a + b
print("fib(50000) mod 1e9+7:", a % 1_000_000_007, "digits about", a.bit_length() * 30103 // 100000)
