# raise forms and del on names, items, slices and attributes.
def check(thunk):
    try:
        thunk()
    except Exception as exc:
        print(type(exc).__name__ + ":", exc)

def raise_class():
    raise KeyError
def raise_instance():
    raise ValueError("instance", 1)
def raise_non_exception():
    raise 42
def raise_nothing_active():
    raise
check(raise_class)
check(raise_instance)
check(raise_non_exception)
check(raise_nothing_active)

x = 5
del x
try:
    print(x)
except NameError as exc:
    print("after del:", exc)

items = [0, 1, 2, 3, 4, 5, 6]
del items[0]
print(items)
del items[-1]
print(items)
del items[1:3]
print(items)
del items[::2]
print(items)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
check(lambda: d.__delitem__("zzz"))
class Thing:
    pass
t = Thing()
t.attr = 1
t.other = 2
del t.attr
print(hasattr(t, "attr"), hasattr(t, "other"))
def del_missing_attr():
    del t.attr
check(del_missing_attr)
a, b = 1, 2
del a, b
print("a" in globals(), "b" in globals())
def del_local():
    v = 1
    del v
    return v
check(del_local)
def del_unbound():
    del never_assigned
check(del_unbound)
lst = [1, 2, 3]
def del_oob():
    del lst[10]
check(del_oob)
