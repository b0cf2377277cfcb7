import heapq, bisect, string
import random
h = []
for v in [5, 3, 8, 1, 9, 2, 7, 3, 6, 0, 4]:
    heapq.heappush(h, v)
print(h)
print([heapq.heappop(h) for _ in range(4)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 12), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 13), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), heapq.nlargest(0, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(["a", "cc"], ["bbb"], key=len)))
tasks = []
heapq.heappush(tasks, (2, "write")); heapq.heappush(tasks, (1, "read")); heapq.heappush(tasks, (3, "exec")); heapq.heappush(tasks, (1, "alpha"))
while tasks:
    print(heapq.heappop(tasks))
rnd = [(i * 7919) % 101 for i in range(40)]
hh = []
for v in rnd:
    heapq.heappush(hh, v)
print(hh)
out = []
while hh:
    out.append(heapq.heappop(hh))
    if len(out) % 7 == 0: print(hh)
try:
    heapq.heappop([])
except IndexError as e: print("IndexError", e)
try:
    heapq.heappush((), 1)
except TypeError as e: print("TypeError", e)
a = [1, 2, 4, 4, 7]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 2))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1])); bisect.insort(recs, ("d", 6), key=lambda r: r[1]); print(recs)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([1], 1, -1)
except ValueError as e: print(e)
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable), repr(string.printable[-10:]))
print(string.capwords(" hello   world  foo "), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what} for $$5 $who")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "x", "what": "y"}), t.safe_substitute(who="al"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e: print("KeyError", e)
try:
    string.Template("bad $ here").substitute()
except ValueError as e: print(e)
print(string.Template("a $ b").safe_substitute(), string.Template("${x").safe_substitute(x=1))
