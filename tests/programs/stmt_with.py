# with statements and user context managers.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("plain") as t:
    print("inside", t.name)

with Tracker("suppressing", suppress=True):
    raise ValueError("swallowed")
print("after suppressing block")

try:
    with Tracker("not suppressing"):
        raise KeyError("escapes")
except KeyError as exc:
    print("caught outside:", repr(exc))

with Tracker("outer") as a, Tracker("inner") as b:
    print("both:", a.name, b.name)

with Tracker("nested-outer"):
    with Tracker("nested-inner", suppress=True):
        1 / 0
    print("between")

with (
    Tracker("paren-1") as p1,
    Tracker("paren-2") as p2,
):
    print("parenthesised", p1.name, p2.name)

def early_return():
    with Tracker("return"):
        return "returned value"
print(early_return())

for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)

class Resource:
    def __enter__(self):
        return "the resource"
    def __exit__(self, *args):
        print("released, args:", args)
with Resource() as value:
    print(value)

class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *args):
        print("never called")
try:
    with BadEnter():
        print("not reached")
except RuntimeError as exc:
    print("enter error:", exc)

class ReplacingExit:
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        raise TypeError("from exit")
try:
    with ReplacingExit():
        raise ValueError("original")
except TypeError as exc:
    print(repr(exc), "context:", repr(exc.__context__))

try:
    with 42:
        pass
except TypeError as exc:
    print(exc)
