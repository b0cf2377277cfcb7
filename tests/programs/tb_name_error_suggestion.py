# An uncaught NameError: CPython 3.12 appends a "Did you mean" suggestion to
# the traceback (not to str(exc)).
def average(values):
    total = sum(values)
    return totl / len(values)

try:
    average([1, 2])
except NameError as exc:
    print("str(exc):", exc)
average([1, 2, 3])
