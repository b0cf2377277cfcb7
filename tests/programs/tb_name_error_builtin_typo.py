# A misspelt builtin: the suggestion comes from the builtins.
values = [3, 1, 2]
print(sorted(values))
prnt(max(values))
