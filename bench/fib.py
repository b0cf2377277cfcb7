# Benchmark: recursive calls. Naive Fibonacci.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

total = 0
for _ in range(30):
    total += fib(27)
print("fib(27) x30 checksum:", total)
