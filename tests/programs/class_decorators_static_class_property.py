# @staticmethod, @classmethod, @property (getter, setter, deleter).
class Temperature:
    scale = "C"
    instances = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("  deleting")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def count(cls):
        return f"{cls.__name__}: {cls.instances}"

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as exc:
    print("ValueError:", exc)
try:
    t.fahrenheit = 5
except AttributeError as exc:
    print("AttributeError:", exc)
del t.celsius
print(hasattr(t, "_celsius"))
print(Temperature.c_to_f(100), t.c_to_f(0))
u = Temperature.from_fahrenheit(212)
print(type(u).__name__, u.celsius)
print(Temperature.count(), t.count())

class Sub(Temperature):
    pass
s = Sub.from_fahrenheit(32)
print(type(s).__name__, s.celsius, Sub.count())
print(type(Temperature.__dict__["celsius"]).__name__)

def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate

@shout
def hello(name):
    return f"hello {name}"

@repeat(3)
def roll(x):
    return x * 2

@shout
@shout
def twice():
    return "twice"
print(hello("world"), roll(4), twice(), hello.__name__)
