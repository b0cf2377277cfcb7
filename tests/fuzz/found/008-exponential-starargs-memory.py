# hang under ASan (timeout 10s); release needs 17 s and reaches 920 MB RSS with --max-memory 512 before stopping | stack while hung: list_append src/vm/object.c:297 <- vm_execute_from src/vm/exec.c:1476 (building *a, *a) <- call_ex src/vm/exec.c:814 | argument arrays of 2**20+ values are not charged to --max-memory (or only late), so the limit fires at ~2x the cap
def f(*a):
    return f(*a, *a)
f(1)
