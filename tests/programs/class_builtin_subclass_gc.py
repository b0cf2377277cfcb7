# Attributes of builtin subclasses' instances across collections: kept while
# the instance lives, gone with it (a new object never inherits them).
import gc
class Node(list):
    pass
class Tag(str):
    pass
keep = []
for i in range(3000):
    n = Node([i])
    n.label = f"n{i}"
    t = Tag("x")
    t.k = i
    if i % 100 == 0:
        keep.append((n, t))
    if i % 500 == 0:
        gc.collect()
gc.collect()
fresh = [Node() for _ in range(2000)]
print(sum(1 for f in fresh if hasattr(f, "label")), [ (n.label, t.k) for n, t in keep[:3]], len(keep))
print(vars(keep[5][0]))
