# ASan stack-overflow at the default recursion limit (Debug+ASan build); release prints RecursionError | recursing frames: vm_execute_from src/vm/exec.c:901; vm_execute src/vm/exec.c:872; call_special src/vm/ops.c:92; vm_getattr_opt src/vm/ops.c:917; vm_getattr src/vm/ops.c:930; vm_execute_from src/vm/exec.c:1115 | same root cause as 003, through __getattr__
class A:
    def __getattr__(self, n): return self.x
A().y
