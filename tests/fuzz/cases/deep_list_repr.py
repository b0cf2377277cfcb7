# repr/eq/hash/del of a 100000-deep nested list
x = []
for i in range(100000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError as e:
    print('RecursionError', e)
y = x
print(x == y)
del x, y
print('ok')
