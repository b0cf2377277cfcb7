# This file uses Windows (CRLF) line endings.
def f(x):
    if x:
        return "yes"
    return "no"

print(f(1), f(0))
text = """a
b"""
print(repr(text), len(text))
print("done")
