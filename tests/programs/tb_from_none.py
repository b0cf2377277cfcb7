# raise ... from None hides the original exception in the traceback.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"{key} is not in the table") from None

table = {"a": 1}
print(lookup(table, "a"))
try:
    lookup(table, "b")
except LookupError as exc:
    print(repr(exc), exc.__cause__, exc.__suppress_context__, repr(exc.__context__))
lookup(table, "zz")
