# Containers that contain themselves print as [...] / {...}.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"name": "loop"}
d["self"] = d
print(d)
outer = [[], {}]
outer[0].append(outer)
outer[1]["back"] = outer
print(outer)
t = ([],)
t[0].append(t)
print(t)
class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
    def __repr__(self):
        return f"Node({self.value}, {self.children})"
root = Node(1)
root.children.append(Node(2))
root.children[0].children.append(Node(3))
print(root)
print([[1, [2, [3, [4, []]]]]], {"a": {"b": {"c": {}}}})
print([0.1, 1e16, -0.0, float("inf")], (1.5,), {2.5: 1e-7})
print(str([None, True, "s", 'q"', "x'y"]))
print(a == a, [a] == [a])
