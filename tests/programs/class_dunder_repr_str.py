# __repr__ and __str__ and where each is used.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

m = Money(1234)
print(m)
print(repr(m), str(m))
print([m, Money(5)])
print({"price": m})
print((m,))
print(f"{m} {m!r} {m!s}")
print("%s and %r" % (m, m))
print("{} {!r}".format(m, m))

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])

class OnlyStr:
    def __str__(self):
        return "only str"
o = OnlyStr()
print(o, repr(o).startswith("<__main__.OnlyStr object at 0x"))

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as exc:
    print("TypeError:", exc)

class Child(Money):
    def __repr__(self):
        return "Child:" + super().__repr__()
print(Child(7), repr(Child(7)))
print(str(None), repr(None), str(True), repr("a'b"))
class Format:
    def __format__(self, spec):
        return f"<formatted with {spec!r}>"
print(f"{Format():>10}", format(Format(), "x"), "{:abc}".format(Format()))
