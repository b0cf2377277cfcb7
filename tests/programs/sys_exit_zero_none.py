# sys.exit() and sys.exit(0) and sys.exit(None) all mean success; SystemExit can be caught.
import sys
for arg in (None, 0, 5, "text"):
    try:
        sys.exit(arg)
    except SystemExit as exc:
        print("caught SystemExit, code =", repr(exc.code), "args =", exc.args)
try:
    sys.exit()
except SystemExit as exc:
    print("no argument: code =", repr(exc.code))
try:
    sys.exit(1)
except Exception:
    print("not reached: SystemExit is not an Exception")
except BaseException as exc:
    print("BaseException caught", type(exc).__name__)
print("leaving normally via sys.exit(0)")
sys.exit(0)
