# Metaclasses: a singleton's __call__, a registry's __new__/__init__ with
# class keywords, methods and properties on the metaclass, a conflict.
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        self.name = name
        print("init", name)

a = Config("first")
b = Config("second")
print(a is b, a.name, type(Config), type(Config).__name__, isinstance(Config, Singleton), isinstance(a, Config))

class Registry(type):
    plugins = []
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        if bases:
            mcs.plugins.append(cls)
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.registered_as = name.lower()
    def describe(cls):
        return f"<plugin {cls.__name__}>"

class Plugin(metaclass=Registry):
    def run(self):
        return "run"

class CSV(Plugin, fmt="csv"):
    def run(self):
        return "csv"

class JSON(Plugin):
    pass

print(Registry.plugins, CSV.registered_as, CSV.describe(), type(CSV) is Registry, CSV().run(), JSON().run())
print(Plugin.__name__, CSV.__mro__, Registry.__mro__)

class Meta(type):
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class X(metaclass=Meta):
    pass
print(X, repr(X), X.upper_name, [X])

class Counted(type):
    def __call__(cls, *a, **k):
        cls.count = getattr(cls, "count", 0) + 1
        return super().__call__(*a, **k)
class P(metaclass=Counted):
    def __init__(self, x):
        self.x = x
P(1); P(2)
print(P.count, P(3).x)

class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
def fmeta(name, bases, ns):
    return 42
class F(metaclass=fmeta):
    pass
print(F)
T = Registry("T", (Plugin,), {"x": 1})
print(T, T.x, T.registered_as)
