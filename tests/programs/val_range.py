# range objects.
r = range(10)
print(r, range(1, 5), range(0, 10, 3), range(5, 0, -1))
print(list(range(5)), list(range(2, 8, 2)), list(range(5, 0, -2)), list(range(0)), list(range(3, 1)))
print(len(range(10)), len(range(1, 10, 3)), len(range(10, 0, -3)), len(range(5, 5)))
print(r[0], r[-1], r[3], range(1, 10, 2)[2], r[2:5], r[::-1], r[::2][1:])
print(5 in r, 10 in r, -1 in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2), 3.0 in r)
print(range(0, 10, 2).index(6), range(10).count(3), r == range(0, 10), range(0) == range(5, 5))
print(r.start, r.stop, r.step, range(3).step)
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
print(list(reversed(range(4))), list(zip(range(3), range(10, 13))))
big = range(10 ** 20)
print(big[-1], 10 ** 19 in big, big[10 ** 19])
try:
    len(big)
except OverflowError as exc:
    print("OverflowError:", exc)
print(list(range(-3, 3)), list(range(-1, -10, -4)))
try:
    range(1, 2, 0)
except ValueError as exc:
    print("ValueError:", exc)
try:
    r[10]
except IndexError as exc:
    print("IndexError:", exc)
try:
    range(1.5)
except TypeError as exc:
    print("TypeError:", exc)
try:
    r.index(42)
except ValueError as exc:
    print("ValueError:", exc)
for i in range(3, 0, -1):
    print(i, end=" ")
print("liftoff")
print(type(r).__name__, bool(range(0)), bool(range(1)), hash(range(3)) == hash(range(0, 3)))
