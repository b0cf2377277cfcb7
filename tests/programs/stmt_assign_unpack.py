# Assignment: tuples, lists, star targets, chained, swaps, nested targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *middle, tail = "abcdef"
print(head, middle, tail)
x, *empty, y = 1, 2
print(x, empty, y)
p = q = r = []
p.append(1)
print(p, q, r, p is q is r)
i = j = 10
i += 1
print(i, j)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 1, 99
print(idx, lst)
m = {}
m["a"] = m["b"] = 3
print(m)
for k, (v1, v2) in [("p", (1, 2)), ("q", (3, 4))]:
    print(k, v1 + v2)
for n, *others in [(1, 2, 3), (4,)]:
    print(n, others)
t = 1,
print(t, type(t).__name__)
(single,) = [42]
print(single)
class Box:
    pass
box = Box()
box.x, box.y = 5, 6
print(box.x, box.y)
matrix = [[0] * 3 for _ in range(2)]
matrix[1][2] = 7
print(matrix)
s = [1, 2, 3, 4, 5]
s[1:3] = ["a"]
print(s)
*tup, = "hey"
print(tup)
print([*range(3), *"ab"], (*[1, 2], 3), {**{"a": 1}, "b": 2})
