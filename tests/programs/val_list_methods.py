# list methods and operations.
nums = [5, 3, 8]
nums.append(1)
nums.extend([9, 2])
nums.extend(range(2))
nums.insert(0, 100)
nums.insert(-1, 50)
nums.insert(999, "end")
print(nums)
print(nums.pop(), nums.pop(0), nums.pop(-2), nums)
nums.remove(8)
print(nums, nums.index(9), nums.count(3), [1, 2, 1, 1].count(1))
print([1, 2, 3, 2].index(2, 2))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
records = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
records.sort(key=lambda r: r[1])
print(records)
records.reverse()
print(records)
copy = records.copy()
copy.clear()
print(len(records), copy)
print(sorted([3, 1, 2], reverse=True), [3, 1, 2])
a = [1, 2, 3]
b = a
c = a[:]
b.append(4)
print(a, c, a is b, a is c, a == b)
print([1, 2] + [3], [0] * 4, [[]] * 2, 2 * [1, 2])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 99], [] == [], [1] == [1.0])
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list())
print(3 in [1, 2, 3], 4 not in [1, 2, 3], len([]), len([[1, 2]]))
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]))
mixed = [3, 1.5, True, -2]
mixed.sort()
print(mixed)
nested = [[3, "c"], [1, "a"], [2, "b"]]
nested.sort()
print(nested)
stack = []
for i in range(3):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
try:
    [].pop()
except IndexError as exc:
    print("IndexError:", exc)
try:
    [1].remove(2)
except ValueError as exc:
    print("ValueError:", exc)
try:
    [1, 2].index(5)
except ValueError as exc:
    print("ValueError:", exc)
try:
    [3, "a"].sort()
except TypeError as exc:
    print("TypeError:", exc)
