# except (A, B) as e, exception hierarchy, exception attributes.
def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return [][1]
    if kind == 3:
        return int("xyz")
    if kind == 4:
        return undefined_name
    return "fine"

for kind in range(6):
    try:
        result = risky(kind)
    except (ZeroDivisionError, KeyError) as e:
        print(kind, "group 1:", type(e).__name__, e.args)
    except (IndexError, ValueError) as e:
        print(kind, "group 2:", type(e).__name__, str(e))
    except Exception as e:
        print(kind, "fallback:", type(e).__name__, e)
    else:
        print(kind, "no error:", result)

errors = (LookupError, ArithmeticError)
try:
    (1, 2)[5]
except errors as e:
    print("tuple variable works:", e)

e = ValueError("a", 2, None)
print(e.args, str(e), repr(e))
print(repr(ValueError()), str(ValueError()), repr(ValueError("one")))
print(repr(KeyError("key")), str(KeyError("key")), str(KeyError(1)))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(StopIteration, Exception))
print(isinstance(TypeError("t"), Exception))
print(ZeroDivisionError.__mro__)
print(IndexError.__name__, IndexError.__bases__)
try:
    raise IndexError
except IndexError as exc:
    print("raised a class:", repr(exc), exc.args)
