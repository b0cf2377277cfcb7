# raise SystemExit directly, with an int code.
def shutdown(code):
    print("shutting down with", code)
    raise SystemExit(code)

try:
    shutdown(7)
except SystemExit as exc:
    print("intercepted", exc.code)
shutdown(4)
