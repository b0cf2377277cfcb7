# enumerate, zip, map, filter, reversed, iter, next.
print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate([], 5)))
for i, ch in enumerate("xy", 10):
    print(i, ch)
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], "abcd")), list(zip()), list(zip([1])))
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(zip("ab", "cd", strict=True)))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as exc:
    print("ValueError:", exc)
try:
    list(zip([1], "ab", strict=True))
except ValueError as exc:
    print("ValueError:", exc)
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(int, "123")), list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(str.isdigit, "a1b2c3")), list(filter(lambda n: n > 2, range(6))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "exhausted"), next(it, None))
try:
    next(it)
except StopIteration as exc:
    print("StopIteration", repr(exc))
s = iter("hi")
print(list(s), list(s))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m))
z = zip("ab", [1, 2])
print(type(z).__name__, dict(z))
e = enumerate("q")
print(type(e).__name__, next(e))
calls = []
def f():
    calls.append(len(calls))
    return len(calls)
sentinel_iter = iter(f, 3)
print(list(sentinel_iter), calls)
it2 = iter(range(3))
print(iter(it2) is it2, list(it2))
try:
    iter(5)
except TypeError as exc:
    print("TypeError:", exc)
try:
    next([1, 2])
except TypeError as exc:
    print("TypeError:", exc)
d = {"one": 1, "two": 2}
for pos, (key, value) in enumerate(d.items()):
    print(pos, key, value)
print(list(map(lambda *args: sum(args), [1, 2], [3, 4], [5, 6])))
