# The caret line under a failing call that is only part of the line.
def inner(x):
    return x.missing_method()

def outer(x):
    result = [inner(x), 1]
    return result

print("before")
outer(3)
