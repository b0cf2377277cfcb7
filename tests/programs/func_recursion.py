# Recursive functions.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def hanoi(n, source, target, spare, moves):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target, moves)
    moves.append((source, target))
    hanoi(n - 1, spare, target, source, moves)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    result = []
    for i, head in enumerate(seq):
        for tail in permutations(seq[:i] + seq[i + 1:]):
            result.append(head + tail)
    return result

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]

print([fib(n) for n in range(15)])
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(ackermann(2, 3), ackermann(3, 3))
print(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]]))
print(permutations("abc"))
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20))
print(power_set([1, 2, 3]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
