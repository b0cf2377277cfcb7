class A:
    def __init__(self): self.v = (1, 0)
    def __eq__(self, o): return True
    def __hash__(self): return hash(self.v)
class B(A): pass
print(hash(A()) == hash((1, 0)), hash(B()) == hash((1,0)), hash((1,0)), hash(B()))
