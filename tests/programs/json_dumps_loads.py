import json
data = {"name": "Ada", "age": 36, "langs": ["py", "c"], "ok": True, "none": None, "pi": 3.14, "nested": {"b": 1, "a": [1, {"x": []}, {}]}, "é": "naïve ✓ 😀", 5: "int key", 1.5: "f", False: 0}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps([1, 2], separators=(",", ":")), json.dumps({"a": [1, 2]}, indent="\t"), json.dumps([], indent=2), json.dumps({"a": {}}, indent=0))
print(json.dumps("naïve", ensure_ascii=False), json.dumps("tab\there \"q\" \\ \x01 \x7f"), json.dumps((1, 2)), json.dumps(float("nan")), json.dumps(-float("inf")), json.dumps(10**30), json.dumps(1e100), json.dumps(0.1))
print(json.dumps({1, 2} if False else [1], default=str), json.dumps({"s": {3}}, default=lambda o: sorted(o)))
s = json.dumps(data, sort_keys=False)
back = json.loads(s)
print(back, type(back["pi"]).__name__)
print(json.loads('[1, 2.5, "x", true, false, null, {"a": -1e3}, "\\u00e9\\n\\ud83d\\ude00", 1E2, -0, 0.5e-1]'))
print(json.loads('  {"a" : [ ] , "b":{}}  '), json.loads("NaN"), json.loads('"\\/"'), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
for bad in ['', '{', '[1,]', '{"a" 1}', '{a: 1}', '[1 2]', '"abc', '{"a": 1,}', '[1] x', 'tru', '"\\x"', '01', '\n\n  [1,\n  oops]', '{"a":1 "b":2}']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
class P: pass
for bad in [P(), {(1, 2): 3}, {"x": {1, 2}}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
l = [1]; l.append(l)
try:
    json.dumps(l)
except ValueError as e: print("ValueError", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e: print("ValueError", e)
import sys
json.dump({"k": [1, 2]}, sys.stdout, indent=1); print()
