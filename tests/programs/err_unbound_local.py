# UnboundLocalError: a name assigned anywhere in a function is local there.
count = 10

def increment():
    count += 1
    return count

def read_then_assign():
    print(count)
    count = 5

def conditional(flag):
    if flag:
        value = "set"
    return value

def loop_var():
    for item in []:
        pass
    return item

for fn, args in [(increment, ()), (read_then_assign, ()), (conditional, (True,)), (conditional, (False,)), (loop_var, ())]:
    try:
        print(fn.__name__, "->", fn(*args))
    except UnboundLocalError as exc:
        print(fn.__name__, "UnboundLocalError:", exc)
        print("  is a NameError:", isinstance(exc, NameError))

def deleted():
    x = 1
    del x
    return x
deleted()
