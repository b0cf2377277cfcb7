# StopIteration in iterators, next() defaults, and generator return values.
class Limited:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration("done counting")
        self.n -= 1
        return self.n

it = Limited(3)
print(list(it))
try:
    next(it)
except StopIteration as exc:
    print("StopIteration args:", exc.args, "value:", exc.value)
print(next(Limited(0), "default"))

def gen():
    yield "a"
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as exc:
    print("return value:", exc.value)
try:
    next(g)
except StopIteration as exc:
    print("again:", exc.value)

def bad_gen():
    yield 1
    raise StopIteration("inside")
try:
    list(bad_gen())
except RuntimeError as exc:
    print("RuntimeError:", exc, "| cause:", repr(exc.__cause__))
for x in Limited(2):
    print("loop got", x)
print(list(zip(Limited(5), "ab")))
