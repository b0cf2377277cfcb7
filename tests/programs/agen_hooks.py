# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter runs when a generator
# is first asked for a step (the step need not be awaited).
import sys

print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter, h.finalizer, h[0], h[1], len(h), tuple(h))


def first(agen):
    print("firstiter:", agen.__qualname__)


def final(agen):
    print("finalizer:", agen.__qualname__)


sys.set_asyncgen_hooks(firstiter=first)
print(sys.get_asyncgen_hooks().firstiter is first, sys.get_asyncgen_hooks().finalizer)
sys.set_asyncgen_hooks(finalizer=final)
print(sys.get_asyncgen_hooks().firstiter is first, sys.get_asyncgen_hooks().finalizer is final)

for bad in ({"firstiter": 1}, {"finalizer": "x"}, {"firstiter": 1, "finalizer": 2}):
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.set_asyncgen_hooks(None, None, None)
except TypeError as e:
    print("TypeError:", e)
print(sys.get_asyncgen_hooks().firstiter is first)
# the finalizer runs when an unfinished generator is garbage: when that is
# differs between CPython's reference counting and loopscope's collector
sys.set_asyncgen_hooks(finalizer=None)


async def agen():
    yield 1

g = agen()
print("created")
s1 = g.__anext__()
s2 = g.asend(None)
print("two steps made")
g2 = agen()
g2.aclose()
print("aclose made")


def failing(agen):
    raise KeyError("no")

sys.set_asyncgen_hooks(firstiter=failing)
try:
    agen().__anext__()
except KeyError as e:
    print("firstiter raised", e)

sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
agen().__anext__()
print("no hooks, nothing printed")
