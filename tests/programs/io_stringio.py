# io.StringIO: print into it, read it back, seek, close, sys.stdout replaced.
import io
import sys

buf = io.StringIO()
print("hello", 42, file=buf)
print("second line", file=buf, end="")
buf.write("!\n")
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(3)), repr(buf.read()), repr(buf.read()))
src = io.StringIO("a\nb\nc")
print([line for line in src], src.readable(), src.writable(), src.seekable())
src.seek(0)
print(src.readlines(), src.tell())
w = io.StringIO("abcdef")
w.write("XY")
print(w.getvalue(), w.tell())
w.seek(0, io.SEEK_END)
w.write("++")
print(w.getvalue(), w.truncate(3), w.getvalue())
with io.StringIO() as s:
    s.write("inside")
    print(s.getvalue(), s.closed)
print(s.closed)
for bad in (lambda: s.getvalue(), lambda: io.StringIO().write(5), lambda: io.StringIO(5), lambda: io.StringIO().seek(-1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
sys.stdout.write("done\n")
old = sys.stdout
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured), type(io.StringIO()).__name__)
io.StringIO().nope
