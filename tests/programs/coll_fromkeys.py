# OrderedDict.fromkeys / defaultdict.fromkeys (dict's classmethod, made by
# the subclass) and Counter.fromkeys (refused), plus the de-duplication idiom.
from collections import OrderedDict, defaultdict, Counter, ChainMap

items = [3, 1, 3, 2, 1, 5, 2]
print(list(OrderedDict.fromkeys(items)))
print("".join(OrderedDict.fromkeys("mississippi")))
print(OrderedDict.fromkeys("abca", 0))
print(OrderedDict.fromkeys([]), OrderedDict.fromkeys(range(3), value="v"))
od = OrderedDict.fromkeys("xyz")
od.move_to_end("x")
print(od, type(od).__name__, od.popitem(last=False))

dd = defaultdict.fromkeys("ab")
print(dd, dd.default_factory)
dd2 = defaultdict.fromkeys(["k"], [])
dd2["k"].append(1)
print(dd2)
try:
    dd["missing"]
except KeyError as e:
    print("KeyError", e)


class Ordered(OrderedDict):
    pass


class Tally(defaultdict):
    pass


o = Ordered.fromkeys("ba", 1)
print(type(o).__name__, o, Tally.fromkeys([1, 2]), Tally(int))
print(ChainMap.fromkeys("pq", 0))

try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Counter.fromkeys("abc", 1)
except NotImplementedError as e:
    print("NotImplementedError:", e)

# the common idioms
words = ["b", "a", "b", "c", "a"]
print(list(dict.fromkeys(words)), list(OrderedDict.fromkeys(words)))
seen = OrderedDict.fromkeys(words, True)
print(list(seen.keys()), list(seen.values()), len(seen), "c" in seen)
