class A:
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)
    def __setattr__(self, name, v):
        print("setting", name)
        object.__setattr__(self, name, v)
a = A()
a.x = 1
del a.x
print(hasattr(a, "x"))
class P:
    @property
    def v(self): return 1
    def __setattr__(self, name, value):
        print("P.__setattr__", name)
p = P()
p.v = 5
