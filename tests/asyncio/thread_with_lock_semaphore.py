# with-statements on threading.BoundedSemaphore and Lock, contended between simulated threads; a user context manager that swallows.
import threading, time
sem = threading.BoundedSemaphore(2)
lock = threading.Lock()
log = []
def job(n):
    with sem:
        log.append(("start", n, round(time.monotonic(), 2)))
        time.sleep(0.2)
        with lock:
            time.sleep(0.05)
            log.append(("end", n, round(time.monotonic(), 2)))
ts = [threading.Thread(target=job, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
for e in log: print(e)
class CM:
    def __enter__(self):
        print("enter"); return 42
    def __exit__(self, *a):
        print("exit", a[0]); return True
with CM() as v:
    print("body", v)
    raise KeyError
print("after")
