# CPython frees objects as soon as the last reference goes (reference counting):
# an abandoned generator runs its finally block at that moment, and __del__
# runs when the last name is dropped. Cycles wait for gc.collect().
import gc

def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")

for v in numbers():
    print("value", v)
    break
print("loop done")

g = numbers()
print(next(g))
print("dropping the generator")
g = None
print("dropped")

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)

a = Noisy("a")
b = a
del a
print("a deleted, b still refers")
del b
print("b deleted")

def scope():
    local = Noisy("local")
    print("leaving scope")
scope()
print("after scope")

x = Noisy("cycle-1")
y = Noisy("cycle-2")
x.other = y
y.other = x
del x, y
print("cycle unreachable, not yet collected")
gc.collect()
print("after gc.collect()")
Noisy("temporary")
print("end of program")
last = Noisy("module global")
