# ASan stack-overflow at the default recursion limit (Debug+ASan build) | recursing frames: try_compare src/vm/ops.c:337 -> call_special src/vm/ops.c:92 -> vm_call src/vm/exec.c:503 -> call_function src/vm/exec.c:481 -> vm_execute src/vm/exec.c:872 | same root cause as 003 (no C-stack guard), through ==
class A:
    def __eq__(self, o): return self == o
A() == A()
