# Regression (found by the fuzzer): an __eq__ that inserts into the dict being searched.
class K:
    def __hash__(s): return 1
    def __eq__(s, o):
        d[len(d) + 2] = 0
        return False
d = {1: 0}
d[K()] = 1
print(len(d))
