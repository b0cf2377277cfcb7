# lambda expressions.
square = lambda x: x * x
print(square(9))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, 2, z=3))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda v: v + 1, [1, 2, 3])))
print(list(filter(lambda v: v % 2 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(square.__name__)
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
cond = lambda x: "even" if x % 2 == 0 else "odd"
print(cond(3), cond(4))
nested = lambda x: (lambda y: x + y)
print(nested(1)(2))
print((lambda x, /, y, *, z: x + y + z)(1, 2, z=3))
