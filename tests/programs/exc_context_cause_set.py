try:
    raise ValueError("a")
except ValueError as e:
    for name in ("__context__", "__cause__"):
        try:
            setattr(e, name, 5)
        except TypeError as t:
            print(name, "TypeError:", t)
    e.__cause__ = KeyError("k")
    print(repr(e.__cause__), e.__suppress_context__)
    e.__context__ = None
    print(e.__context__)
    e.add_note("n1")
    print(e.__notes__)
def f():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError("x") from None
try:
    f()
except ValueError as e:
    print(e.__cause__, e.__context__.__class__.__name__, e.__suppress_context__)
try:
    try:
        raise KeyError(1)
    except KeyError as k:
        raise RuntimeError("r") from k
except RuntimeError as r:
    import traceback
    traceback.print_exc()
