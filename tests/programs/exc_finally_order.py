# The order in which try/except/else/finally bodies run, traced step by step.
log = []

def trace(step):
    log.append(step)

def scenario(kind):
    log.clear()
    try:
        trace("try")
        try:
            trace("inner try")
            if kind == "value":
                raise ValueError
            if kind == "key":
                raise KeyError
            if kind == "return":
                return "returned"
        except ValueError:
            trace("inner except ValueError")
        else:
            trace("inner else")
        finally:
            trace("inner finally")
        trace("after inner")
    except KeyError:
        trace("outer except KeyError")
    finally:
        trace("outer finally")
    return "fell through"

for kind in ("none", "value", "key", "return"):
    result = scenario(kind)
    print(f"{kind:7}", result, "->", " / ".join(log))

def nested_loops():
    for i in range(2):
        for j in range(2):
            try:
                if j == 1:
                    break
                print("work", i, j)
            finally:
                print("finally", i, j)
nested_loops()

def return_in_except():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("finally after except-return")
print(return_in_except())
