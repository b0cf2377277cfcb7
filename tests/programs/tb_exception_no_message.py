# Uncaught exceptions with empty messages print only the class name.
class Quiet(Exception):
    pass

def f():
    raise Quiet()

try:
    f()
except Quiet as exc:
    print("str is empty:", repr(str(exc)))
raise Quiet
