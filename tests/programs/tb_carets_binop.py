# In a chain of binary operations the carets single out the failing one.
def score(base, bonus, divisor):
    return base + bonus * 2 - bonus // divisor

print(score(10, 4, 2))
print(score(10, 4, 0))
