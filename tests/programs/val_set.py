# Sets of small ints (these print in a deterministic order) and sorted string sets.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} < a, {1, 2} <= a, a <= a, a < a, a > {1}, a >= b, {1, 2}.issubset(a), a.issuperset({2}))
print(a.isdisjoint({7, 8}), a.isdisjoint(b), {1, 2} == {2, 1}, {1} != {1, 2})
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s))
s.discard(1); s.discard(99)
print(s)
s.remove(3)
print(s, set(), type({}).__name__)
try:
    s.remove(42)
except KeyError as exc:
    print("KeyError:", exc)
c = {5, 6}
c.update([7], {8})
print(c, c.pop() in {5, 6, 7, 8}, len(c))
c.clear()
print(c)
print(set([3, 1, 3, 2, 1]), set(range(5)), set("aab") == {"a", "b"})
words = {"pear", "apple", "fig"}
print(sorted(words), "fig" in words, "kiwi" not in words)
print(sorted(words | {"kiwi"}), sorted(words - {"fig"}))
print({x % 3 for x in range(10)})
fs = frozenset([1, 2, 2])
print(fs, {fs: "frozen key"}[frozenset({2, 1})], fs | {9})
d = {1, 2}
d |= {3}
d &= {2, 3}
d -= {9}
d ^= {2, 7}
print(d)
print(sorted({3.5, 1, 2.25}), {True, 1, 1.0}, {0, False})
print(len({1, 1.0, True}), max({4, 9, 2}), sum({1, 2, 3}))
try:
    {[1, 2]}
except TypeError as exc:
    print("TypeError:", exc)
try:
    {1} + {2}
except TypeError as exc:
    print("TypeError:", exc)
try:
    set().pop()
except KeyError as exc:
    print("KeyError:", exc)
