class B:
    def __init_subclass__(cls, **kw): print("isc", cls.__name__, kw)
class C(B, x=1): pass
class C2(C): pass
class D:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class E:
    d = D()
class G:
    def __class_getitem__(cls, item): return ("cgi", cls.__name__, item)
print(G[int])
try:
    class X(E, y=2): pass
except TypeError as e: print(e)
class Registry:
    kinds = []
    def __init_subclass__(cls, /, kind="plain", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Registry.kinds.append((cls.__name__, kind))
class A(Registry, kind="fast"): pass
class B(A): pass
print(Registry.kinds, A.kind, B.kind)
class Named:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name
class H:
    x = Named()
    y = Named()
print(H.x.name, H.y.name)
