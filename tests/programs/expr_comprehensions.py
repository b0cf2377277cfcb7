# List, dict, set comprehensions, nested comprehensions, conditions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(len(row)) if i != 1])
print([[row[i] for row in matrix] for i in range(3)])
print({word: len(word) for word in ["apple", "fig", "banana"]})
print({k: v for k, v in zip("abc", range(3)) if v})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print(sorted({c.upper() for c in "hello world" if c.isalpha()}))
print({n % 4 for n in range(10)})
print([c for c in "abc"] + [d for d in "de"])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
x = "outer x"
print([x for x in range(3)], x)
print([[c for c in w] for w in ("ab", "cd")])
print([i for i in range(3) for i in "xy"])
words = ["a", "bb", "ccc"]
print({len(w): w for w in words})
print([(lambda k: k * 2)(v) for v in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print(sum([i for i in range(101)]), len([1 for _ in range(7)]))
nested = [[1, [2, 3]], [4, [5]]]
print([y for a, b in nested for y in [a] + b])
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([x for x in [3, 1, 2] if x > 1 or x < 0])
print(dict.fromkeys("ab", 0), [*map(str, range(3))])
