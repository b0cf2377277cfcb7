# vrun regression: Lock and RLock contention between threads waits in virtual time.
import threading, time
lock = threading.Lock()
rlock = threading.RLock()
def stamp(*a):
    print(f"{time.monotonic():.2f}", threading.current_thread().name, *a)
def holder(n):
    with lock:
        stamp("holds the lock")
        time.sleep(0.3 + n / 100)
    with rlock:
        with rlock:
            stamp("holds the rlock twice")
            time.sleep(0.1)
ts = [threading.Thread(target=holder, args=(n,), name=f"h{n}") for n in range(3)]
for t in ts:
    t.start()
time.sleep(0.05)
stamp("try acquire(timeout=0.1) ->", lock.acquire(timeout=0.1))
stamp("blocking acquire ->", lock.acquire())
lock.release()
for t in ts:
    t.join()
stamp("end", lock.locked())
