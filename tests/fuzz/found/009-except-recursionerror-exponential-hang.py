# hang (timeout 10s in both builds; --max-steps 100000 stops in 0.4 s but --max-steps 1000000 takes >20 s: cost per instruction grows) | stack while hung: exc_set_context src/vm/exc.c:150 <- vm_raise_with src/vm/exc.c:178 <- vm_raise src/vm/exc.c:203 <- vm_execute_from src/vm/exec.c:1658 | each raise walks the whole __context__ chain, which keeps growing, so the step budget no longer bounds the run time (CPython never finishes this program either, but loopscope promises a limit)
def f(n):
    try:
        return f(n + 1)
    except RecursionError:
        return f(n + 1)
f(0)
