# containers mutated while being iterated, sorted or compared
d = {i: i for i in range(10)}
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print(e)
s = set(range(10))
try:
    for k in s:
        s.discard(k)
except RuntimeError as e:
    print(e)
l = list(range(10))
for k in l:
    l.clear()
print(l)
l = list(range(10))
try:
    l.sort(key=lambda v: l.extend(range(100)) or -v)
except ValueError as e:
    print(e)
print(l)
l = list(range(10))
print(sorted(l, key=lambda v: l.pop()))
class K:
    def __hash__(s): return 1
    def __eq__(s, o):
        d.clear()
        for i in range(50): d[i] = i
        return False
d = {}
for i in range(20):
    d[K()] = i
print(len(d))
l = [[1], [2], [3]]
class Q:
    def __eq__(s, o):
        l.clear()
        return False
print(Q() in l, l == [Q(), Q()])
it = iter(d)
d.clear()
try:
    print(list(it))
except RuntimeError as e:
    print(e)
