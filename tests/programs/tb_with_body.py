# An exception escaping a with block: __exit__ runs, the traceback points
# at the statement in the body.
class Section:
    def __init__(self, title):
        self.title = title
    def __enter__(self):
        print("begin", self.title)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("end", self.title, "with", exc_type.__name__ if exc_type else None)
        return False

with Section("setup"):
    print("fine")
with Section("work") as s:
    items = []
    first = items[0]
