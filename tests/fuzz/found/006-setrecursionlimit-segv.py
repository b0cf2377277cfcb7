# SIGSEGV (signal 11) in the RELEASE build (exit 139); ASan: stack-overflow | recursing frames: vm_repr src/vm/ops.c:247 -> vm_lookup_special src/vm/ops.c:76 -> class_lookup src/vm/ops.c:57; b_repr src/vm/builtins.c:329; vm_execute src/vm/exec.c:872 | the program raises the recursion limit itself and the C stack runs out before it; also `--recursion-limit 3000` on 003 segfaults the release build. CPython 3.12 raises RecursionError (its C recursion limit)
import sys
sys.setrecursionlimit(100000)
class A:
    def __repr__(self): return repr(self)
repr(A())
