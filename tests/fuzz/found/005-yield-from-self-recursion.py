# ASan stack-overflow at the default recursion limit (Debug+ASan build); release prints RecursionError | recursing frames: gen_resume src/vm/exec.c:429 -> vm_execute_from src/vm/exec.c:1684 -> vm_call src/vm/exec.c:503 -> call_function src/vm/exec.c:480 (exec.c:457) | same root cause as 003, through generator resumption
def g():
    yield from g()
list(g())
