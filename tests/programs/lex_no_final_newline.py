# The last line of this file has no newline after it.
for i in range(2):
    print("line", i)
print("no trailing newline in the source", end="")