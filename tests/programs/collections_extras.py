# collections beyond deque: defaultdict, Counter, OrderedDict, ChainMap, namedtuple
from collections import OrderedDict, Counter, defaultdict, namedtuple, ChainMap, deque
print(OrderedDict(a=1,b=2), OrderedDict(), Counter('abca'), Counter(), defaultdict(int), defaultdict(None,{1:2}))
P = namedtuple('P', 'x y'); print(P, P(1,2), P._fields, P(x=1, y=2) < P(1, 3))
for bad in (lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: setattr(P(1, 2), 'x', 5), lambda: P()):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
Q = namedtuple('Q', ['a','b'], defaults=[0]); print(Q(1), Q._field_defaults)
c = Counter(a=3, b=1); c.update('aab'); print(c, c.most_common(1), list(c.elements()), c.total(), c['zz'], c + Counter(b=5), c - Counter(a=10))
od = OrderedDict(a=1); od['b']=2; od.move_to_end('a'); print(od); print(od.popitem(last=False), list(od))
d = defaultdict(list); d['k'].append(1); print(d, d.default_factory, dict(d))
try: defaultdict(None)['x']
except KeyError as e: print('KeyError', e)
print(ChainMap({'a':1},{'a':2,'b':3})['b'])
words = "the cat and the hat and the bat".split()
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts, sorted(counts.items()), len(counts), 'cat' in counts)
print(Counter(words).most_common(2))
p = P(3, 4)
x, y = p
print(x + y, p[0], p._asdict(), p._replace(y=9), P._make([5, 6]), len(p), p == (3, 4), {p: 1})
print(isinstance(counts, defaultdict), dict(Counter("aab")), {**OrderedDict(z=1)})
P = namedtuple('P', 'x y')
p = P(1, 2)
try:
    p.z = 3
except AttributeError as e:
    print(e)
print(P(1, x=2) if False else "ok")
try:
    P(1, x=2)
except TypeError as e:
    print(e)
try:
    P()
except TypeError as e:
    print(e)
