# A walrus in a comprehension's iterable is a SyntaxError (CPython 3.12).
print("never")
print([x for x in [1] for y in (z := [2, 3])])
