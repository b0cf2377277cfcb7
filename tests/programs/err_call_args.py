# TypeError messages for bad calls.
def f(x):
    return x

def g(a, b):
    return a + b

def h(a, *, key):
    return a, key

def p(a, /, b):
    return a, b

def d(a, b=1):
    return a, b

class C:
    def method(self, x):
        return x

def attempt(thunk):
    try:
        thunk()
    except TypeError as exc:
        print("TypeError:", exc)

attempt(lambda: f())
attempt(lambda: g(1, 2, 3))
attempt(lambda: g())
attempt(lambda: g(1))
attempt(lambda: f(1, y=2))
attempt(lambda: f(1, x=2))
attempt(lambda: h(1))
attempt(lambda: h(1, 2))
attempt(lambda: p(a=1, b=2))
attempt(lambda: d())
attempt(lambda: d(1, 2, 3))
attempt(lambda: C().method())
attempt(lambda: C().method(1, 2))
attempt(lambda: (lambda: 0)(1))
attempt(lambda: len())
attempt(lambda: len(1, 2))
attempt(lambda: len(5))
five, text, nothing = 5, "str", None
attempt(lambda: five())
attempt(lambda: text())
attempt(lambda: nothing())
attempt(lambda: f(*5))
attempt(lambda: f(**[1]))
attempt(lambda: g(1, **{"a": 2}))
print("direct call next")
g(1, 2, 3)
