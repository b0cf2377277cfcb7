# collections.deque: both ends in O(1), maxlen, rotate, indexing, remove, the
# errors and the mutation check while iterating, repr of a recursive deque.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), bool(d), d[0], d[-1], list(d))
print(d.pop(), d.popleft(), d)
d.extend(range(5)); d.extendleft("ab")
print(d, 3 in d, 9 in d, d.count(0), d.index(2))
d.rotate(2); print(d); d.rotate(-3); print(d)
d.remove(2); print(d)
del d[1]; d[0] = 'z'; print(d)
b = deque(range(10), maxlen=3); print(b, b.maxlen); b.appendleft(-1); print(b)
print(deque(), deque(maxlen=0), deque() == deque(), deque([1]) < deque([2]))
d.insert(1, 'ins'); print(d); d.reverse(); print(d); print(d.copy()); d.clear(); print(d, not d)
e = deque(); e.append(e); print(e)
try: deque().pop()
except IndexError as x: print("IndexError", x)
try: deque([1]).remove(5)
except ValueError as x: print("ValueError", x)
try: deque([1]).index(5)
except ValueError as x: print("ValueError", x)
try: deque([1])[5]
except IndexError as x: print("IndexError", x)
q = deque(range(5))
try:
    for x in q: q.append(1)
except RuntimeError as x: print("RuntimeError", x)
big = deque()
for i in range(100000): big.append(i)
while len(big) > 3: big.popleft()
print(big, type(big), deque)
import collections
print(collections.deque is deque, [x * 2 for x in deque([1, 2])], sum(deque([1,2,3])))
