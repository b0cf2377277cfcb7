# pass, Ellipsis, docstrings, expression statements, semicolons.
def stub():
    ...

def documented():
    """Only a docstring, returns None."""

class Placeholder:
    pass

print(stub(), documented(), Placeholder.__name__)
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
x = [1, 2, 3]
x[0]
x
"a string expression statement"
42
print(documented.__doc__)
if x: pass
while False: pass
for _ in []: pass
try: pass
except: pass
print("one-liners ok"); print("after semicolon")
def f(): pass
print(f())
class Tiny: x = 1
print(Tiny.x)
a = b = None
print(a is b is None)
print(__doc__)
