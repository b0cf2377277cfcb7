# vrun regression: the scenario runs as __main__ like a normal script.
import os, sys
print(__name__, os.path.basename(__file__), os.path.isabs(__file__), sys.argv)
print(os.path.basename(sys.path[0]) == os.path.basename(os.path.dirname(os.path.abspath(__file__))))
print(sys.modules["__main__"].__dict__ is globals())
def f():
    raise RuntimeError("uncaught")
f()
