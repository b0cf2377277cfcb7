# __context__, __cause__ and __suppress_context__ inspected without crashing.
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")

def explicit():
    try:
        {}["k"]
    except KeyError as exc:
        raise TypeError("caused") from exc

def suppressed():
    try:
        [][0]
    except IndexError:
        raise NameError("quiet") from None

def no_chain():
    raise RuntimeError("alone")

for fn in (implicit, explicit, suppressed, no_chain):
    try:
        fn()
    except Exception as exc:
        print(fn.__name__)
        print("  exc:", repr(exc))
        print("  context:", repr(exc.__context__))
        print("  cause:", repr(exc.__cause__))
        print("  suppress:", exc.__suppress_context__)

err = ValueError("manual")
cause = KeyError("root")
try:
    raise err from cause
except ValueError as caught:
    print(caught is err, caught.__cause__ is cause, caught.__suppress_context__)

try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            raise KeyError("third")
except KeyError as exc:
    chain = []
    current = exc
    while current is not None:
        chain.append(type(current).__name__)
        current = current.__context__
    print(" <- ".join(chain))

try:
    raise ValueError("x") from 42
except TypeError as exc:
    print("bad cause:", exc)
print(ValueError("t").__traceback__)
try:
    raise ValueError("with tb")
except ValueError as exc:
    print(type(exc.__traceback__).__name__, exc.__traceback__.tb_lineno)
