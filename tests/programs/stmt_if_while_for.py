# if/elif/else, while/else, for/else, break, continue, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for v in (-5, 0, 3, 42):
    print(v, classify(v))

i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished normally")

i = 0
while True:
    i += 1
    if i > 3:
        break
print("broke at", i)

n = 10
while n > 0:
    n -= 3
    if n == 100:
        break
else:
    print("while-else runs, n =", n)

def find(seq, target):
    for index, item in enumerate(seq):
        if item == target:
            print("found", target, "at", index)
            break
    else:
        print(target, "not found")

find("hello", "l")
find("hello", "z")
for x in []:
    print("never")
else:
    print("for-else on empty")

for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if a + b == 3:
            break
        print(a, b)

count = 0
for _ in range(10):
    pass
    count += 1
print(count)
if not []:
    pass
else:
    print("unreachable")
x = 0
while x < 3:
    for y in range(10):
        if y == 1:
            break
    x += 1
else:
    print("nested loops done", x, y)
for ch in "abc":
    if ch == "b":
        continue
    print(ch)
print("loop variable survives:", ch)
