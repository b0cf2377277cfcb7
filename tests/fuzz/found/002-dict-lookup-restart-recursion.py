# ASan stack-overflow (Debug); release: --max-steps exhausted, CPython prints 3 | recursing frames: lookup src/vm/dict.c:87 -> vm_eq src/vm/ops.c:413 -> vm_compare src/vm/ops.c:394 -> try_compare src/vm/ops.c:337 | dict lookup restarts by recursing into itself whenever __eq__ changed the dict; CPython restarts (in a loop) only when the comparison returned true
class K:
    def __hash__(s): return 1
    def __eq__(s, o):
        d[len(d) + 2] = 0
        return False
d = {1: 0}
d[K()] = 1
print(len(d))
