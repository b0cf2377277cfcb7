# import / from-import of time, gc and sys (only deterministic facts are printed).
import time
import gc
import sys
from time import sleep, perf_counter, monotonic
from sys import maxsize as biggest
import time as t

start = time.perf_counter()
sleep(0.01)
elapsed = time.perf_counter() - start
print("slept at least 10 ms:", elapsed >= 0.01)
print(time.monotonic() <= monotonic(), type(time.time()).__name__)
print(t is time, t.sleep is sleep, perf_counter is time.perf_counter)
print(type(time.time_ns()).__name__, time.time() > 1_000_000_000)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), isinstance(gc.collect(), int))
print(sys.version_info >= (3, 12), sys.version_info[0], sys.version_info.major)
print(biggest == sys.maxsize == 2**63 - 1)
print(sys.getrecursionlimit())
written = sys.stdout.write("written with sys.stdout.write\n")
print(written)
sys.stderr.write("to stderr\n")
print("to stderr via print", file=sys.stderr)
print(sys.argv[0].endswith("mod_import_time_gc_sys.py"), len(sys.argv))
print(__name__, type(sys).__name__, time.__name__, gc.__name__)
print("time" in sys.modules, "sys" in sys.modules)
def local_import():
    import time as inner_time
    from gc import isenabled
    return inner_time is time, isenabled()
print(local_import())
sys.stdout.flush()
print(sys.platform in ("linux", "darwin", "win32"))
