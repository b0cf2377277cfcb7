# AttributeError and NameError messages, including 3.12's suggestions.
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 30

def show(thunk):
    try:
        thunk()
    except (AttributeError, NameError) as exc:
        print(type(exc).__name__ + ":", exc)

c = Config()
show(lambda: c.missing)
show(lambda: c.verbos)
show(lambda: Config.timeout)
show(lambda: (5).real_part)
show(lambda: "s".uppercase())
show(lambda: [].push(1))
show(lambda: None.attr)
show(lambda: {}.has_key("a"))
show(lambda: undefined_thing)
show(lambda: lenn([1]))
show(lambda: Confg())
def local_scope():
    counter = 1
    return countr
show(local_scope)
import sys
show(lambda: sys.no_such_thing)
show(lambda: sys.maxsiz)
print(AttributeError("plain").args, NameError("n").args)
try:
    c.verbos
except AttributeError as exc:
    print(exc.name, exc.obj is c)
try:
    print(undefined_variable)
except NameError as exc:
    print(exc.name)
