# Benchmark: nested loops over small ints, arithmetic, comparisons, lists.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return flags

def collatz_longest(limit):
    best, best_len = 1, 1
    for start in range(1, limit):
        n = start
        steps = 1
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
        if steps > best_len:
            best, best_len = start, steps
    return best, best_len

def matrix_checksum(size):
    a = [[(i * size + j) % 7 for j in range(size)] for i in range(size)]
    b = [[(i + 2 * j) % 5 for j in range(size)] for i in range(size)]
    total = 0
    for i in range(size):
        row = a[i]
        for j in range(size):
            s = 0
            for k in range(size):
                s += row[k] * b[k][j]
            total = (total + s * (i + 1)) % 1000003
    return total

flags = sieve(1_000_000)
print("primes below 1000000:", sum(flags))
print("longest collatz below 120000:", collatz_longest(120_000))
print("matrix checksum:", matrix_checksum(70))
