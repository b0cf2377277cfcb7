# Assignment expressions (:=) and conditional expressions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
print(n)
values = iter([5, 4, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print([y for x in data if (y := x * 2) > 6])
print(y)
print([last := x for x in range(4)], last)
total = 0
print([total := total + x for x in [1, 2, 3]], total)
def f(x):
    return x * 10
print([fx for x in range(5) if (fx := f(x)) % 20 == 0])
print((a := 1) + (b := 2), a, b)
for x in range(12):
    kind = "fizzbuzz" if x % 15 == 0 else "fizz" if x % 3 == 0 else "buzz" if x % 5 == 0 else x
    print(kind, end=" ")
print()
print("yes" if [] else "no", "yes" if [0] else "no")
calls = []
def side(v):
    calls.append(v)
    return v
print(side(1) if side(True) else side(2), calls)
print(0 or "default", "" or None, 5 and 6, 0 and 1/0, None or 0 or [])
print(not 0, not "x", not None, (not []) == True)
x = 3
print(1 < x < 5, 1 < x > 5, 1 == 1.0 == True, 3 > 2 > 1 > 0)
print(1 < 2 < side(3), 5 < 4 < side(99), calls)
def ident(v):
    print("  eval", v)
    return v
print(ident(1) < ident(0) < ident(5))
print(x if (x := 10) > 5 else -1)
print(max(1, 2) if min(3, 4) else 0)
