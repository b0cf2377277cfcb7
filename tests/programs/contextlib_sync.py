# contextlib: @contextmanager (enter, exit, exceptions thrown in, the RuntimeErrors),
# suppress, closing, nullcontext, ContextDecorator, ExitStack (order, suppression,
# exception contexts, pop_all, close, callback).
import contextlib
import sys

@contextlib.contextmanager
def tag(name):
    print("enter", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("tag caught", repr(e))
    finally:
        print("exit", name)

with tag("a") as t:
    print("body", t)

with tag("b"):
    raise KeyError("swallowed")
print("after b")

try:
    with tag("c"):
        raise ValueError("passes")
except ValueError as e:
    print("outer caught", repr(e), e.__traceback__.tb_lineno, e.__traceback__.tb_next)

@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)

@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(repr(e))

@contextlib.contextmanager
def yields_again():
    try:
        yield
    except ZeroDivisionError:
        yield
try:
    with yields_again():
        1 / 0
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

@contextlib.contextmanager
def converts():
    try:
        yield
    except KeyError as e:
        raise LookupError("converted") from e
try:
    with converts():
        {}["k"]
except LookupError as e:
    print(repr(e), repr(e.__cause__))

@contextlib.contextmanager
def plain():
    yield
for exc in (StopIteration("s"), GeneratorExit()):
    try:
        with plain():
            raise exc
    except BaseException as e:
        print("propagated", type(e).__name__, e is exc)

@contextlib.contextmanager
def stops():
    try:
        yield
    except StopIteration:
        return
with stops():
    raise StopIteration("eaten")
print("stop eaten")

@contextlib.contextmanager
def dec_cm():
    print("dec enter")
    yield
    print("dec exit")

@dec_cm()
def decorated(x):
    print("decorated", x)
    return x * 2
print(decorated(3), decorated(4), decorated.__name__)

cm = tag("once")
with cm:
    pass
try:
    with cm:
        pass
except AttributeError as e:
    print("reuse", type(e).__name__)

with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with contextlib.suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print(repr(e))
with contextlib.suppress(ValueError):
    raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
print("group suppressed")
try:
    with contextlib.suppress(ValueError):
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    print("rest", repr(e))

class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()) as r:
    print(type(r).__name__)
with contextlib.nullcontext(5) as v:
    print("null", v)
with contextlib.nullcontext() as v:
    print("null", v)

print(isinstance(contextlib.suppress(), contextlib.AbstractContextManager))
print(type(tag("x")).__name__, tag.__name__, tag.__wrapped__.__name__)

# "generator didn't stop" closes the generator (its finally runs)
@contextlib.contextmanager
def stubborn():
    try:
        yield 1
        yield 2
    finally:
        print("stubborn finally")
try:
    with stubborn():
        pass
except RuntimeError as e:
    print(repr(e))

@contextlib.contextmanager
def stubborn_throw():
    try:
        try:
            yield
        except KeyError:
            yield
    finally:
        print("stubborn_throw finally")
try:
    with stubborn_throw():
        raise KeyError("k")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
# ExitStack


class CM:
    def __init__(self, name, suppress=False, fail=None):
        self.name, self.suppress, self.fail = name, suppress, fail
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, repr(v))
        if self.fail:
            raise self.fail
        return self.suppress

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in "abc"]
    stack.callback(print, "callback", 1, sep="-")
    stack.push(lambda t, v, tb: print("pushed fn", t))
    stack.push(CM("pushed-cm"))
    print("names", names)

with contextlib.ExitStack() as stack:
    stack.enter_context(CM("outer"))
    stack.enter_context(CM("suppressor", suppress=True))
    stack.enter_context(CM("inner"))
    raise KeyError("k")
print("suppressed by stack")

try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(CM("x", fail=IndexError("from x")))
        stack.enter_context(CM("y", fail=TypeError("from y")))
        raise ValueError("body")
except Exception as e:
    chain = []
    while e is not None:
        chain.append(repr(e))
        e = e.__context__
    print(" <- ".join(chain))

with contextlib.ExitStack() as stack:
    stack.enter_context(CM("kept"))
    moved = stack.pop_all()
    print("popped")
print("stack closed")
moved.close()

stack = contextlib.ExitStack()
stack.callback(print, "closing one")
stack.callback(print, "closing two")
stack.close()
stack.close()

try:
    contextlib.ExitStack().enter_context(object())
except TypeError as e:
    print(e)

def f():
    return contextlib.ExitStack().callback(print)
print(f() is print)
