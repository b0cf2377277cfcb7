# format() of a str subclass with an empty spec is str(x), its own __str__;
# with a spec it formats the text itself.
class Name(str):
    def __str__(self):
        return "Name:" + super().__str__()
class Plain(str):
    pass
n = Name("ann")
p = Plain("bob")
print(f"{n}", format(n), "{}".format(n), f"{n:>8}|", f"{n!s}", f"{n!r}")
print(f"{p}", format(p, "^7"), "{0}-{0!r}".format(p), str(p), type(f"{p}").__name__)
