# not through eval: each is a top-level statement
x = 'x' * 10**9
print(len(x))
