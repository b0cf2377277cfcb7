# Descriptors written in Python: data descriptors before the instance dict,
# non-data ones after it, __set_name__, class access, a class-based method
# decorator binding through __get__, __delete__, and a validator.
import functools


class D:
    def __get__(self, obj, objtype=None):
        return ("get", obj is None, objtype.__name__)

    def __set__(self, obj, value):
        print("set", value)


class C:
    d = D()

    def __init__(self):
        self.d = 1


c = C()
print(c.d, c.__dict__, C.d)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class E:
    nd = NonData()


e = E()
print(e.nd)
e.nd = "instance wins"
print(e.nd, E.nd)


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)


class Order:
    qty = Positive()
    price = Positive()

    def __init__(self, qty, price):
        self.qty = qty
        self.price = price


o = Order(3, 10)
print(o.qty * o.price, type(Order.qty).__name__, sorted(vars(o)))
try:
    o.qty = -1
except ValueError as err:
    print("ValueError:", err)
del o.qty
print(o.qty)


class counted:
    """A class-based decorator: works on methods through __get__."""

    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return functools.partial(self, obj)


class Service:
    def __init__(self, name):
        self.name = name

    @counted
    def ping(self, n):
        return f"{self.name} pong {n}"


s = Service("api")
print(s.ping(1), s.ping(2), Service.ping.calls, Service.ping.__name__)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        setattr(obj, self.fn.__name__, value)
        return value


class Report:
    @Lazy
    def total(self):
        print("computing")
        return 42


r = Report()
print(r.total, r.total)
