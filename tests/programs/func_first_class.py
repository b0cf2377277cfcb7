# Functions as values: passing, returning, storing, attributes.
def apply(fn, *args):
    return fn(*args)

def twice(fn):
    return lambda x: fn(fn(x))

def inc(x):
    return x + 1

ops = {"inc": inc, "double": lambda x: x * 2, "neg": lambda x: -x}
print(apply(inc, 1), twice(inc)(5), twice(twice(ops["double"]))(1))
print([ops[name](10) for name in sorted(ops)])
pipeline = [inc, ops["double"], ops["neg"]]
value = 3
for step in pipeline:
    value = step(value)
print(value)
print(inc.__name__, ops["double"].__name__, twice.__qualname__, twice(inc).__qualname__)
def annotated(a: int, b: str = "x") -> str:
    """Has annotations."""
    return b * a
print(annotated(3), annotated.__doc__, annotated.__annotations__)
inc.custom = "attribute on a function"
print(inc.custom)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__code__.co_name, inc.__code__.co_argcount)
print(callable(inc), inc is inc, inc == inc, inc != twice)
funcs = sorted([inc, twice, apply], key=lambda f: f.__name__)
print([f.__name__ for f in funcs])
def counter_gen():
    def make(n):
        return lambda: n
    return [make(i) for i in range(3)]
print([f() for f in counter_gen()])
print(list(map(apply, [inc, abs], [1, -5])))
def kw_only_factory(*, scale):
    return lambda v: v * scale
print(kw_only_factory(scale=3)(7))
print((lambda f: f(f, 5))(lambda self, n: 1 if n == 0 else n * self(self, n - 1)))
