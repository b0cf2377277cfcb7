# A plugin registry through __subclasses__(), and mro() beside __mro__.
class Plugin:
    registry = {}

    @classmethod
    def all(cls):
        out = []
        for sub in cls.__subclasses__():
            out.append(sub.__name__)
            out.extend(sub.all())
        return out


class Fetch(Plugin): pass
class Parse(Plugin): pass
class FastFetch(Fetch): pass
class Both(Fetch, Parse): pass


print(Plugin.all())
print([k.__name__ for k in Both.mro()], Both.mro() == list(Both.__mro__))
print(Fetch.__subclasses__(), type(Plugin.__subclasses__()).__name__)
print(type.mro(FastFetch) == list(FastFetch.__mro__))
print(object.__subclasses__ is not None, callable(Plugin.mro))
try:
    Plugin.__subclasses__(1)
except TypeError as e:
    print("TypeError:", e)
for call in (lambda: Plugin.mro(1), lambda: type.mro(), lambda: type.__subclasses__()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
