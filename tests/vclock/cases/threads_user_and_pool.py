# vrun regression: user threads, pool futures waited on from the main thread, an
# exception in a thread, and a non-daemon thread still sleeping at exit.
import threading, time, concurrent.futures
def w(n, d):
    time.sleep(d)
    print(f"{time.monotonic():.2f} thread {n} done")
    return n
ts = [threading.Thread(target=w, args=(i, 0.5 - 0.1 * i)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(f"{time.monotonic():.2f} joined")
with concurrent.futures.ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(w, i, 0.3 * (3 - i)) for i in range(3)]
    for f in concurrent.futures.as_completed(fs):
        print(f"{time.monotonic():.2f} as_completed", f.result())
    done, nd = concurrent.futures.wait([ex.submit(w, 9, 1)], timeout=0.5)
    print(f"{time.monotonic():.2f} wait timeout: {len(done)} done")
def bad():
    time.sleep(0.1)
    raise ValueError("in thread")
t = threading.Thread(target=bad); t.start(); t.join()
t = threading.Thread(target=w, args=("late", 2)); t.start()
print(f"{time.monotonic():.2f} main ends without joining")
