import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), itemgetter(1, 0)(rows[0]), itemgetter(1))
class P:
    def __init__(self, n, a): self.name, self.age = n, a
    def greet(self, g="hi"): return g + " " + self.name
ps = [P("x", 3), P("y", 1)]
print([p.name for p in sorted(ps, key=attrgetter("age"))], attrgetter("name", "age")(ps[0]), attrgetter("name"))
print(methodcaller("greet", g="yo")(ps[0]), methodcaller("upper")("abc"), methodcaller("greet", g="yo"))
print(reduce(operator.add, [1, 2, 3]), reduce(operator.mul, range(1, 6)), operator.sub(5, 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.neg(3), operator.not_(0), operator.eq(1, 1), operator.lt(1, 2), operator.contains([1, 2], 2), operator.getitem({"a": 1}, "a"), operator.abs(-4), operator.pow(2, 8), operator.mod(7, 3))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.concat([1], [2]), operator.is_(None, None))
d = {}; operator.setitem(d, "k", 1); print(d); operator.delitem(d, "k"); print(d)
try:
    operator.indexOf([1], 5)
except ValueError as e: print(e)
