# A dedent to a column that matches no enclosing block.
def f(n):
    if n:
        return 1
      return 0
print(f(1))
