# json encodes Counter, OrderedDict and defaultdict as the dicts they are,
# namedtuple and NamedTuple records as lists; other objects still fail.
import json
from collections import namedtuple, Counter, OrderedDict, defaultdict
from typing import NamedTuple
P = namedtuple("P", "x y")
class Q(NamedTuple):
    a: int
    b: str = "z"
dd = defaultdict(list); dd["k"].append(1)
print(json.dumps(Counter("aab")), json.dumps(P(1, 2)), json.dumps(Q(3)))
print(json.dumps({"c": Counter("xyz"), "od": OrderedDict(b=1, a=2), "dd": dd}, sort_keys=True, indent=2))
print(json.dumps([P(1, [Q(2)])]))
class C(Counter): pass
print(json.dumps(C("hello")))
class Obj:
    def __getattr__(self, n): raise KeyError(n)
try:
    json.dumps(Obj())
except TypeError as e:
    print("TE", e)
