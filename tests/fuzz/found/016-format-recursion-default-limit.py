# ASan stack-overflow at the default recursion limit (Debug+ASan build); release prints RecursionError | recursing frames: vm_execute_from src/vm/exec.c:901; vm_execute src/vm/exec.c:872; call_function src/vm/exec.c:493; vm_call2 src/vm/exec.c:544; format_into src/vm/format.c:91; vm_format src/vm/format.c:115; b_format src/vm/builtins.c:353 | same root cause as 003 (no C-stack guard), through format()
class A:
    def __format__(self, s): return format(self, s)
print(f'{A()}')
