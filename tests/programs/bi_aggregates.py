# sum, min, max, sorted, any, all, abs, divmod, pow.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([], 5), sum([0.5, 0.25]), sum(range(5), start=100))
print(sum([[1], [2], [3]], []), sum([True, True]), sum((1, 2.5)))
try:
    sum(["a", "b"], "")
except TypeError as exc:
    print("TypeError:", exc)
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min("b", "a", "c"))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([], default="empty"), min([], default=None), max([1, 7], default=0))
print(max([(1, "b"), (1, "a")]), min([3, -4, 2], key=abs), max([-3, 3], key=abs), min([2, -2], key=abs))
try:
    max([])
except ValueError as exc:
    print("ValueError:", exc)
try:
    min()
except TypeError as exc:
    print("TypeError:", exc)
try:
    max(1, "a")
except TypeError as exc:
    print("TypeError:", exc)
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}))
people = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(sorted(people), key=lambda p: -p[1]))
print(sorted(["b", "A", "c", "B"], key=str.lower), sorted([-3, 2, -1], key=abs))
print(any([]), all([]), any([0, "", 1]), all([1, "x", [0]]), all([1, 0]), any(x > 3 for x in [1, 5]))
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-(10 ** 20)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(0, 3))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(5, 3, 7), pow(-2, 3), pow(9, 0.5))
print(len("four"), len([1, 2]), len({"a": 1}), len(range(3, 9)), len(()), len(set("aab")))
