# __eq__/__hash__/__repr__/__lt__/__len__ raising or returning nonsense
class H:
    def __hash__(self): raise ValueError('hash')
class H2:
    def __hash__(self): return 2**100
class L:
    def __len__(self): return -1
class L2:
    def __len__(self): return 2**100
class R:
    def __repr__(self): return 1
class I:
    def __index__(self): return 'x'
class B:
    def __bool__(self): return 2
for thunk in (lambda: {H(): 1}, lambda: {H()}, lambda: hash(H2()), lambda: len(L()), lambda: len(L2()),
              lambda: repr(R()), lambda: [1][I()], lambda: bool(B()), lambda: print([R()]),
              lambda: sorted([H(), 1]), lambda: max([], key=None), lambda: f'{R()!r}'):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__, e)
