class Loud:
    def __str__(self):
        print("inside __str__")
        return "loud"
    def __repr__(self):
        print("inside __repr__", end="|")
        return "L"

print("a", Loud(), "b")
print([Loud(), Loud()], sep="-", end="!\n")
print("x", end="")
print(Loud())
class Bad:
    def __str__(self):
        print("about to fail")
        raise ValueError("no")
try:
    print("before", Bad(), "after")
except ValueError:
    print("\ncaught")
