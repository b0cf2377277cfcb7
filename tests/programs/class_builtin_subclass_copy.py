# Builtin subclasses in practice: attribute-style dicts, __init__ with *args,
# an overridden append, __new__ changing the value; copy, deepcopy and json.
import copy
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value
cfg = AttrDict(host="localhost", port=8080)
cfg.debug = True
print(cfg.host, cfg.port, cfg, cfg.debug, len(cfg))
try:
    cfg.missing
except AttributeError as e:
    print("AttributeError:", e)

class Bag(list):
    def __init__(self, *items):
        super().__init__(items)
b = Bag(1, 2, 3)
print(b, copy.copy(b), type(copy.copy(b)).__name__, copy.deepcopy(b), type(copy.deepcopy(b)).__name__)
n = copy.copy(cfg)
print(type(n).__name__, n)

class History(list):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit
    def append(self, item):
        super().append(item)
        if len(self) > self.limit:
            del self[0]
h = History(2)
for i in range(4):
    h.append(i)
print(h, h.limit, h == [2, 3], str(h), f"{h}", [*h], h * 2)

class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper("hi")
print(u, type(u).__name__, u.lower(), isinstance(u, str), "%-5s|" % u, u.join(["a", "b"]), ",".join([u, u]))
import json
print(json.dumps({"h": h, "u": u, "cfg": cfg}))
