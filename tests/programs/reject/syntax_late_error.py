# The syntax error is at the end: nothing before it may run.
print("this must not be printed")
for i in range(3):
    print(i)
def broken(:
    pass
