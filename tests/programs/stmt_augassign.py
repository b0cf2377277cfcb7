# Augmented assignment with every operator, on names, attributes, subscripts.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x &= 0b1111_0000; print(x)
x |= 0b1; print(x)
x ^= 0xff; print(x)
x /= 4; print(x)
f = 7.5
f //= 2; print(f)
f %= 2; print(f)
s = "ab"
s += "cd"; print(s)
s *= 3; print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
class Counter:
    def __init__(self):
        self.value = 0
c = Counter()
c.value += 5
c.value *= 3
print(c.value)
d = {"a": 1}
d["a"] += 10
d["b"] = 0
d["b"] -= 2
print(d)
grid = [[1, 2], [3, 4]]
grid[1][0] *= 100
grid[0][-1] **= 3
print(grid)
calls = []
def index():
    calls.append("index called")
    return 0
arr = [5]
arr[index()] += 1
print(arr, calls)
st = {1, 2}
st |= {3}; st &= {2, 3, 4}; st -= {4}; st ^= {9}
print(sorted(st))
