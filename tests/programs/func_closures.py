# Closures: counters, shared cells, late binding in loops.
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5))
print(c2(), c1())

def make_pair():
    value = []
    def add(x):
        value.append(x)
    def get():
        return list(value)
    return add, get

add, get = make_pair()
add(1); add(2)
print(get())

funcs = []
for i in range(3):
    def show():
        return i
    funcs.append(show)
print([f() for f in funcs])

funcs = []
for i in range(3):
    def show(i=i):
        return i
    funcs.append(show)
print([f() for f in funcs])

def make_multipliers():
    return [lambda x: x * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])

def factory(k):
    return lambda x: x * k
print([factory(k)(10) for k in range(1, 4)])

def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())

def accumulate():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = accumulate()
for n in range(5):
    acc(n)
print(acc(0))
print(c1.__closure__ is not None, len(c1.__closure__))
print(c1.__code__.co_freevars)

def fib_memo():
    cache = {0: 0, 1: 1}
    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib
print(fib_memo()(80))
