# Tracebacks through methods of a class (frame names are the plain method names).
class Inventory:
    def __init__(self):
        self.items = {"apple": 3}

    def take(self, name, count):
        available = self.lookup(name)
        if count > available:
            raise ValueError(f"only {available} {name} left")
        self.items[name] = available - count

    def lookup(self, name):
        return self.items[name]

inv = Inventory()
inv.take("apple", 2)
print("took 2 apples")
try:
    inv.take("apple", 5)
except ValueError as exc:
    print("ValueError:", exc)
inv.take("pear", 1)
