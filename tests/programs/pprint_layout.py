# pprint: nested builtins and dataclasses laid out at width 80 and others.
import pprint
from dataclasses import dataclass, field

data = {
    "tasks": [{"name": f"task-{i}", "delay": i * 0.5, "tags": ["io", "net"] * (i % 3)} for i in range(4)],
    "config": {"workers": 4, "timeout": 30.0, "retries": 3, "backoff": [0.1, 0.2, 0.4, 0.8, 1.6]},
    "zeta": None, "alpha": (1, 2, 3), "set": {3, 1, 2}, "empty": {}, "nested": [[[1, 2, [3, 4]]]],
    "long text": "The quick brown fox jumps over the lazy dog. " * 4,
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data, depth=2)
pprint.pprint(data["tasks"], compact=True, width=60)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(30)))
pprint.pprint({"b": 1, "a": 2})
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat({"k": "v" * 100}))
pprint.pprint(("single",) * 1)
pprint.pprint((list(range(30)),))
pprint.pprint(frozenset(range(30)))
pprint.pprint("a line\nanother line that is quite long " * 4)
pprint.pprint(data, indent=4, width=50)
r = [1, 2]
r.append(r)
print(pprint.pformat(r).startswith("[1, 2, <Recursion on list with id="), pprint.saferepr(r)[-1])
print(pprint.isrecursive(r), pprint.isreadable([1, 2]), pprint.isreadable(object()))


@dataclass
class Job:
    name: str
    args: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)


pprint.pprint(Job("x", list(range(25)), {"owner": "someone", "priority": "high", "attempts": 3}))
pprint.pprint([Job("small")])
pprint.pprint({1: "int", "s": "str", (1, 2): "tuple"})
