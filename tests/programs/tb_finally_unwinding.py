# finally blocks run, innermost first, while an uncaught exception unwinds.
def a():
    try:
        b()
    finally:
        print("finally in a")

def b():
    try:
        c()
    finally:
        print("finally in b")

def c():
    try:
        raise KeyError("deep")
    finally:
        print("finally in c")

a()
