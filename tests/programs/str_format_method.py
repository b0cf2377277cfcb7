# str.format: positional, named, indexes, attributes, specs, {{ }}.
print("{} and {}".format("cats", "dogs"))
print("{1} before {0}, {0} again".format("first", "second"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0[0]} {0[2]} {1[key]}".format(["a", "b", "c"], {"key": "value"}))
class Point:
    def __init__(self):
        self.x, self.y = 3, 4
print("x={0.x} y={0.y} p={p.x}".format(Point(), p=Point()))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "mid"))
print("{:08.3f} {:+d} {:,} {:_b} {:#o} {:.1%}".format(3.14159, 5, 1234567, 255, 8, 0.256))
print("{{literal}} {{{}}}".format("inside"))
print("{0!r} {0!s} {0!a}".format("é"))
print("{:{width}.{prec}f}|".format(2.718281828, width=10, prec=3))
print("{:{}}|{:{}}|".format("a", 3, "b", 4))
print("{0:{1}}|".format("nested", 10))
print("{}".format(None), "{}".format([1, {"a": (2,)}]), "{:d}".format(True))
data = {"city": "Oslo", "temp": -3.5}
print("{city}: {temp:+.1f}C".format(**data))
print("{0}{1}{0}".format("ab", "-"))
print("{:x<4}{:x>4}".format(1, 2), "{:=+6}".format(-3), "{:06.1f}".format(-2.5))
print("{:e} {:g} {:G}".format(1234.5, 0.00001234, 1e20))
print("{:s}".format("str spec"), "{:10}|".format("default-left"), "{:10}|".format(42))
print("{!r:>10}|".format("x"), "{:c}".format(97))
for fmt, args in [("{", ()), ("{0} {}", ("a", "b")), ("{5}", ("a",)), ("{x}", ()), ("{:d}", ("s",))]:
    try:
        print(fmt.format(*args))
    except (ValueError, IndexError, KeyError) as exc:
        print(type(exc).__name__ + ":", exc)
