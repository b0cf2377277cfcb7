# for loops over every kind of iterable, with unpacking.
for ch in "hey":
    print(ch, end=" ")
print()
for k in {"b": 1, "a": 2}:
    print(k, end=" ")
print()
for k, v in {"x": 10, "y": 20}.items():
    print(k, v, end="; ")
print()
for v in {"x": 10, "y": 20}.values():
    print(v, end=" ")
print()
for n in {3, 1, 2}:
    print(n, end=" ")
print()
for item in (1, "two", 3.0):
    print(type(item).__name__, end=" ")
print()
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a + b, end=" | ")
print()
for (x, y), z in [((1, 2), 3), ((4, 5), 6)]:
    print(x + y + z, end=" ")
print()
for first, *rest in ["abc", "de"]:
    print(first, rest)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for line in "one\ntwo\nthree".splitlines():
    print(line.upper())
for x in reversed(sorted({5, 3, 9})):
    print(x, end=" ")
print()
for _ in range(2):
    for _ in range(2):
        print("*", end="")
print()
data = [1, 2, 3]
for x in data:
    if x == 2:
        data.append(99)
    if len(data) > 5:
        break
print(data)
nums = [1, 2, 3, 4]
for i in range(len(nums)):
    nums[i] *= 10
print(nums)
total = 0
for row in [[1, 2], [3, 4], [5, 6]]:
    for cell in row:
        total += cell
print(total)
for c in iter(["p", "q"]):
    print(c, end="")
print()
for obj in [None, 0, "", [], "x"]:
    print(bool(obj), end=" ")
print()
