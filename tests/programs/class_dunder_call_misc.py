# __call__, __getattr__, __setattr__, a bad __init__, bound method identity.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, value):
        self.calls += 1
        return value * self.factor

triple = Multiplier(3)
print(triple(5), triple("ab"), triple.calls, callable(triple), callable(5))
print(list(map(triple, [1, 2])))

class Defaults:
    def __init__(self):
        self.real = "real attribute"
    def __getattr__(self, name):
        return f"<computed {name}>"
d = Defaults()
print(d.real, d.missing, getattr(d, "other"))

class Recorder:
    def __setattr__(self, name, value):
        print(f"  set {name} = {value!r}")
        super().__setattr__(name, value)
r = Recorder()
r.a = 1
r.b = [2]
print(r.a, r.b)

class Frozen:
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: Frozen is immutable")
try:
    Frozen().x = 1
except AttributeError as exc:
    print("AttributeError:", exc)

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as exc:
    print("TypeError:", exc)

class Greeter:
    greeting = "hello"
    def __init__(self, name):
        self.name = name
    def greet(self):
        return f"{self.greeting}, {self.name}"
bound = Greeter("ada").greet
print(bound())
print(Greeter.greet(Greeter("bob")))
methods = [Greeter(n).greet for n in ("x", "y")]
print([m() for m in methods])
print(Greeter("z").greet == Greeter("z").greet)
g = Greeter("same")
print(g.greet == g.greet, g.greet is g.greet)
