# try/except/else/finally in many combinations.
def run(label, raise_it):
    print("--", label)
    try:
        print("body")
        if raise_it:
            raise ValueError("boom")
    except ValueError as exc:
        print("handler:", exc)
    else:
        print("else")
    finally:
        print("finally")

run("no exception", False)
run("exception", True)

def only_finally():
    try:
        return "from try"
    finally:
        print("finally before return")
print(only_finally())

def finally_overrides():
    try:
        return "try value"
    finally:
        return "finally value"
print(finally_overrides())

def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "exception swallowed by return in finally"
print(finally_swallows())

def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_with_finally())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("cleanup", n)
print(while_finally())

def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise RuntimeError("from else")
try:
    else_raises()
except RuntimeError as exc:
    print("caught", repr(exc))

def handler_raises():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("replacement")
        finally:
            print("inner finally runs")
    except ValueError as exc:
        print("outer caught", exc, "context:", repr(exc.__context__))
handler_raises()

def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as exc:
        print("outer handler", exc)
nested()

def reraise():
    try:
        raise KeyError("k")
    except KeyError:
        print("logging, then re-raising")
        raise
try:
    reraise()
except KeyError as exc:
    print("re-raised", repr(exc))

def bare_except():
    try:
        [][0]
    except:
        return "bare except caught it"
print(bare_except())

def first_match():
    try:
        raise ZeroDivisionError("x")
    except ArithmeticError:
        return "ArithmeticError matched first"
    except ZeroDivisionError:
        return "never"
print(first_match())

def var_cleared():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except NameError as ne:
        return "e was deleted: " + str(ne)
print(var_cleared())

def finally_in_finally():
    try:
        try:
            return 1
        finally:
            print("level 2")
    finally:
        print("level 1")
print(finally_in_finally())
