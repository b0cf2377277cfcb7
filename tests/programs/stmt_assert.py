# assert with and without a message; the last one is uncaught.
def positive(n):
    assert n > 0, f"expected a positive number, got {n}"
    return n

print(positive(5))
try:
    positive(-1)
except AssertionError as exc:
    print("caught:", exc, exc.args)
try:
    assert 1 == 2
except AssertionError as exc:
    print("no message:", repr(exc), exc.args)
assert True, "never evaluated"
assert [1], "non-empty list is true"
try:
    assert [], ["a", "list", "message"]
except AssertionError as exc:
    print("non-string message:", exc.args)
values = [3, 2, 1]
assert sorted(values) == [1, 2, 3]
print("about to fail")
assert len(values) == 4, "values should have four items"
print("not reached")
