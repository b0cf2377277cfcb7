# global and nonlocal declarations, name resolution order.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print("counter", counter)

def make_global():
    global created_later
    created_later = "made inside a function"

make_global()
print(created_later)

def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x

print(outer())

def shadow():
    counter = "local"
    return counter

print(shadow(), counter)

def read_global():
    return counter * 10

print(read_global())

def layers():
    v = 1
    def middle():
        v = 2
        def innermost():
            nonlocal v
            v += 40
            return v
        r = innermost()
        return r, v
    return middle(), v

print(layers())

len = lambda seq: "shadowed builtin"
print(len([1, 2, 3]))
del len
print(len([1, 2, 3]))

def uses_builtin_after_del():
    return max(3, 7)
print(uses_builtin_after_del())

class Scope:
    attr = "class level"
    def method(self):
        return attr if False else Scope.attr
print(Scope().method())

x = "module x"
class Weird:
    x = "class x"
    y = [x for _ in range(1)]
print(Weird.y)
