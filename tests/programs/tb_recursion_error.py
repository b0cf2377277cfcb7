# Unbounded recursion: RecursionError, and CPython collapses the repeated frames.
def countdown(n):
    return countdown(n - 1) + 1

def depth_probe(n):
    try:
        return depth_probe(n + 1)
    except RecursionError:
        return n

print("probe reached a large depth:", depth_probe(0) > 900)
countdown(10)
