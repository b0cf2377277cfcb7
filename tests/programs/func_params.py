# def with defaults, *args, keyword-only, **kwargs, positional-only.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))

def collect(first, *args, **kwargs):
    return first, args, kwargs

print(collect(1))
print(collect(1, 2, 3))
print(collect(1, 2, x=3, y=4))
print(collect(*[5, 6, 7], **{"k": "v"}))

def kwonly(a, *, b, c=3):
    return a + b + c

print(kwonly(1, b=2))
print(kwonly(1, c=10, b=2))

def posonly(a, b, /, c, *, d):
    return [a, b, c, d]

print(posonly(1, 2, 3, d=4))
print(posonly(1, 2, c=3, d=4))

def mixed(a, b=2, /, c=3, *args, d, e=5, **rest):
    return (a, b, c, args, d, e, rest)

print(mixed(1, d=4))
print(mixed(1, 20, 30, 40, 50, d=4, z=26))

def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket

print(mutable_default(1))
print(mutable_default(2))
print(mutable_default(3, []))

counter = 100
def default_evaluated_once(x=counter):
    return x
counter = 200
print(default_evaluated_once())

def no_return():
    pass
print(no_return())

def early(x):
    if x:
        return
    return "late"
print(early(True), early(False))

def multiple():
    return 1, "two", [3]
a, b, c = multiple()
print(a, b, c)

def kwargs_order(**kw):
    return list(kw.items())
print(kwargs_order(z=1, a=2, m=3))

args = (1, 2)
kw = {"c": 30, "d": 40}
print(posonly(*args, **kw))
print(greet.__name__, greet.__defaults__)
print(kwonly.__kwdefaults__)

def doc():
    "A docstring."
print(doc.__doc__)
