# A misspelt name too far from every candidate: no "Did you mean" at all.
values = [3, 1, 2]
print(sorted(values))
print(lenght(values))
