# __getattribute__ written in Python sees every attribute load, methods too;
# an AttributeError from it hands over to __getattr__.
class Logged:
    def __init__(self):
        self.x = 1

    def method(self):
        return "called"

    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)


log = Logged()
print(log.x)
print(log.method())
print(getattr(log, "x"), hasattr(log, "nope"))
try:
    log.nope
except AttributeError as e:
    print("AttributeError:", e)


class Fallback:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no peeking at {name}")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<default for {name}>"


f = Fallback()
print(f.secret_key, f.other)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        target = object.__getattribute__(self, "_target")
        return getattr(target, name)


p = Proxy([3, 1, 2])
p.sort()
print(p.copy(), len(p.copy()), p.index(2))


class Strict:
    def __getattribute__(self, name):
        raise AttributeError(name)


try:
    Strict().anything
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(Strict(), "x", "default"))


class Late:
    def __init__(self):
        self.v = "plain"

    def show(self):
        return "show"


late = Late()
print(late.v, late.show())
Late.__getattribute__ = lambda self, name: f"<{name} intercepted>"
print(late.v, late.show)
del Late.__getattribute__
print(late.v, late.show())
