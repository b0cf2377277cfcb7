# Slicing lists: reads, negative steps, slice assignment and deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[1::2])
print(a[::-1], a[8:2:-2], a[-1:-4:-1], a[5:1], a[100:], a[-100:2])
print(a[::-3], a[:5:-1], a[2:8][::-1], a[:], a[:] is a)
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [10, 11]
print(b)
b[:2] = []
print(b)
b[-2:] = "yz"
print(b)
c = list(range(8))
c[::2] = ["e0", "e2", "e4", "e6"]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as exc:
    print("ValueError:", exc)
d = list(range(10))
del d[::3]
print(d)
del d[-2:]
print(d)
d[len(d):] = [100, 200]
print(d)
e = [1, 2, 3]
e[1:2] = range(5)
print(e)
s = slice(1, 8, 2)
print(list(range(10))[s], s.start, s.stop, s.step)
print(slice(3), slice(None, None, -1))
print("abcdefgh"[s], (1, 2, 3, 4, 5)[::-2])
grid = [[0] * 3 for _ in range(3)]
grid[1][1:] = [5, 6]
print(grid)
t = [1, 2, 3, 4]
t[1:3] = t[1:3][::-1]
print(t)
try:
    a[::0]
except ValueError as exc:
    print("ValueError:", exc)
try:
    a[10]
except IndexError as exc:
    print("IndexError:", exc)
try:
    a[-11] = 0
except IndexError as exc:
    print("IndexError:", exc)
try:
    a["1"]
except TypeError as exc:
    print("TypeError:", exc)
