# dict: insertion order, methods, views, comprehension, iteration, errors.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d))
print(d.get("a"), d.get("zz"), d.get("zz", "default"))
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append("x")
print(d.pop("new"), d.pop("missing", "fallback"), d)
print(d.popitem(), d)
d.update({"x": 9}, y=10)
d.update([("z", 11)])
print(d)
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
d["late"] = 0
print(list(keys), list(values)[-1], len(items))
print("a" in d, "a" in keys, 1 in d, 1 in values, ("a", 1) in items)
print(keys & {"a", "zzz"}, sorted(keys - {"a"}), keys == {"a", "b", "x", "y", "z", "late"})
for k in d:
    print(k, end=" ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])), dict({"k": 1}, k2=2))
print(dict.fromkeys(["p", "q"]), dict.fromkeys("ab", 0), {})
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: "int", 1.0: "float", True: "bool"})
e = {"one": 1}
e.pop("one")
e["one"] = 1
e["two"] = 2
del e["one"]
e["one"] = 111
print(e)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
print({**{"a": 1, "b": 2}, "b": 3, **{"c": 4}}, {"a": 1} | {"b": 2})
merged = {"a": 1}
merged |= {"a": 5, "z": 26}
print(merged)
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"]["inner"][-1])
print(list(reversed({"x": 1, "y": 2, "z": 3})), min({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}))
c = d.copy()
c.clear()
print(c, len(d) > 0)
try:
    d["nope"]
except KeyError as exc:
    print("KeyError:", exc, repr(exc))
try:
    {}.popitem()
except KeyError as exc:
    print("KeyError:", exc)
try:
    {[1]: 2}
except TypeError as exc:
    print("TypeError:", exc)
try:
    for k in d:
        d["added during iteration"] = 1
except RuntimeError as exc:
    print("RuntimeError:", exc)
print({(1, 2): "tuple", None: "none", 3.5: "float", "s": "str"})
