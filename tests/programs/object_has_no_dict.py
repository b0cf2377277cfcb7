# object() itself takes no attributes (no __dict__); a subclass's instances do.
SENTINEL = object()
for act in (lambda: setattr(SENTINEL, "name", "x"), lambda: SENTINEL.__setattr__("n", 1)):
    try:
        act()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    SENTINEL.label = "done"
except AttributeError as e:
    print("AttributeError:", e)


class Bag:
    pass


b = Bag()
b.name = "ok"
print(b.name, SENTINEL is SENTINEL, type(SENTINEL).__name__)
