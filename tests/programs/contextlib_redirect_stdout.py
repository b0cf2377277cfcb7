# contextlib.redirect_stdout and a replaced sys.stdout: where print writes.
import contextlib
import io
import sys

buf = io.StringIO()
with contextlib.redirect_stdout(buf) as target:
    print("inside", target is buf)
    sys.stdout.write("direct\n")
    with contextlib.redirect_stdout(io.StringIO()) as inner:
        print("nested")
    print("back", repr(inner.getvalue()))
print("outside", repr(buf.getvalue()))
sys.stdout = None
print("lost")
sys.stdout = sys.__stdout__
print("restored")
sys.stdout = sys.stderr
print("to stderr")
sys.stdout = sys.__stdout__


@contextlib.redirect_stdout(io.StringIO())
def quiet():
    print("swallowed")


try:
    quiet()
except TypeError as e:
    print("TypeError:", e)
print("end")
