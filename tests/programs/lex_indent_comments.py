# Indentation, comments and blank lines in odd places.
def outer(n):
    # a comment at the start of a block
    total = 0
        # an over-indented comment is fine

    for i in range(n):   # trailing comment
        if i % 2:
                total += i      # deeper indentation inside a block
        else:
          total -= 1            # inconsistent-but-legal indentation widths
    return total


print(outer(10))
if True:
    pass
    # comment at the end of a block
print("after if")

class Empty:
    """Docstring only."""

print(Empty.__doc__)
x = 1; y = 2; z = x + y   # several statements on one line
print(x, y, z)
if z == 3: print("one-line if")
while x < 4: x += 1
print(x)
for c in "ab": print(c, end=" ")
print()
def f(): return "one-line def"
print(f())
	# a tab-indented comment line does not matter
print("done")
