from functools import singledispatch, partialmethod
@singledispatch
def show(x):
    return f"object {x!r}"
@show.register
def _(x: int):
    return f"int {x}"
@show.register(list)
def _(x):
    return f"list of {len(x)}"
@show.register
def _(x: str | dict):
    return f"text {x}"
print(show(1), show(True), show("s"), show([1, 2]), show(2.5), show.__name__, show.dispatch(bool).__name__ if False else "")
class Cell:
    def __init__(self): self.alive = False
    def set_state(self, state): self.alive = state
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell(); c.set_alive(); print(c.alive); c.set_dead(); print(c.alive)
try:
    show()
except TypeError as e: print(e)
