# Tuples: packing, immutability, methods, comparisons, nesting.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print((), (1,), (1), tuple("ab"), tuple([1, 2]), tuple(range(3)))
print(t.index("two"), (1, 2, 1, 1).count(1))
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5))
print((1, 2) == (1, 2), (1, 2) == [1, 2], 2 in (1, 2, 3))
x, y, z = (7, 8, 9)
print(x + y + z)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
mutable_inside = ([1], [2])
mutable_inside[0].append(10)
print(mutable_inside)
try:
    t[0] = 5
except TypeError as exc:
    print("TypeError:", exc)
try:
    mutable_inside[0] += [20]
except TypeError as exc:
    print("TypeError:", exc, mutable_inside)
try:
    (1, 2).index(9)
except ValueError as exc:
    print("ValueError:", exc)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "tuple key"}[(1, 2)])
try:
    hash(([1],))
except TypeError as exc:
    print("TypeError:", exc)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max((1, "a"), (1, "b")))
print(repr((1,)), str(("a", 'b"')), tuple())
def pair():
    return 1, 2
print(pair(), type(pair()).__name__)
print(tuple(x * 2 for x in (1, 2)), (1, 2, 3)[1:], (1,) * 0)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
