# json.dumps writes None, bools, ints and floats the same way as keys (as
# strings) and as values; other keys fail, or are skipped with skipkeys.
import json

print(json.dumps({None: None, True: True, False: False, 7: 7, 2.5: 2.5, 10**20: 10**20, "s": "s"}))
print(json.dumps({1.0: [0.1, -0.0, 1e100]}, sort_keys=False))
print(json.dumps({(1, 2): "tuple key", "ok": 1}, skipkeys=True))
try:
    json.dumps({(1, 2): "tuple key"})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({float("nan"): 1}, allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
print(json.dumps({float("inf"): float("-inf")}))
