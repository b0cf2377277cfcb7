# sys.exit inside an except block: no traceback for the handled exception.
import sys
try:
    {}["config"]
except KeyError as exc:
    print("missing key", exc, file=sys.stderr)
    sys.exit(2)
