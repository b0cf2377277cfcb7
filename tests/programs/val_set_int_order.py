# Iteration order of int sets follows CPython's hash table layout: an int
# hashes to itself (except -1, which hashes to -2), the table starts with 8
# slots and grows as it fills. Deterministic, but only if the table is the same.
print({3, 10}, {10, 3}, {8, 0, 1}, {16, 1, 8})
print({-1, -2, 0}, {0, -1}, {100, 5, 37})
s = set()
for n in [40, 30, 20, 10, 5, 1]:
    s.add(n)
    print(s)
print(set(range(20, 0, -3)))
t = set(range(10))
t.discard(0)
t.add(64)
print(t)
print({1, 2, 3} | {9, 17}, {9, 17} | {1, 2, 3})
print(list({7, 15, 23}), [x for x in {2, 1 << 40, 3}])
print({True, 2, 1.0, 0})
