# ASan stack-overflow at the default recursion limit (1000) in the Debug+ASan build; release prints RecursionError | recursing frames: vm_repr src/vm/ops.c:249 -> call_special src/vm/ops.c:92 -> vm_call src/vm/exec.c:503 -> call_function src/vm/exec.c:493 -> vm_execute src/vm/exec.c:872 -> vm_execute_from src/vm/exec.c:1682 -> b_repr src/vm/builtins.c:329 | each Python-level call through a C builtin costs a C frame chain; no C-stack guard
class A:
    def __repr__(self): return repr(self)
repr(A())
