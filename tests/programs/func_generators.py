# Generator functions: yield, yield from, send, return value, close.
def count_up(limit):
    n = 0
    while n < limit:
        yield n
        n += 1
    return "finished"

print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration value:", stop.value)

def delegator():
    result = yield from count_up(3)
    print("  sub-generator returned", result)
    yield from "xy"
    yield from [10, 20]

print(list(delegator()))

def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print(next(acc))
print(acc.send(5), acc.send(10), acc.send(1))
try:
    acc.send(None)
except StopIteration as stop:
    print("final total", stop.value)

def echo():
    received = "nothing"
    try:
        while True:
            received = yield f"echo: {received}"
    finally:
        print("  echo cleaned up")

e = echo()
print(next(e))
print(e.send("hi"))
e.close()
print("closed")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])

def pipeline():
    evens = (n for n in count_up(20) if n % 2 == 0)
    squares = (n * n for n in evens)
    yield from squares
print(sum(pipeline()))

def gen_state():
    yield 1
gs = gen_state()
try:
    gs.send(5)
except TypeError as exc:
    print("TypeError:", exc)
print(list(gs), list(gs))

def thrower():
    try:
        yield 1
    except ValueError as exc:
        yield f"caught {exc}"
t = thrower()
next(t)
print(t.throw(ValueError("injected")))

def inner():
    x = yield "inner first"
    print("  inner got", x)
    return "inner done"
def outer():
    r = yield from inner()
    yield r
o = outer()
print(next(o))
print(o.send("passed through"))
print(type(count_up).__name__, type(count_up(1)).__name__)
