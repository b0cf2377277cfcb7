# The matrix-multiplication operator: no built-in type supports it, and
# loopscope rejects it (the front end's choice, see its message).
class M:
    def __matmul__(self, other):
        return 0
print(M() @ M())
