# 3.12 inlines list/set/dict comprehensions (PEP 709): no <listcomp> frame.
def reciprocals(values):
    return [1 / v for v in values]

print(reciprocals([1, 2, 4]))
print({k: 10 // k for k in [1, 2]})
print(reciprocals([5, 0, 1]))
