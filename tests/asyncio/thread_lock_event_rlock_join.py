# thread lock event rlock join.
import threading
import time

lock = threading.Lock()
counter = 0

def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

ts = [threading.Thread(target=add, args=(2000,), name=f"adder-{i}") for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter", counter)

T0 = time.monotonic()
ev = threading.Event()
def setter():
    time.sleep(0.5)
    ev.set()
threading.Thread(target=setter).start()
print("wait 0.2 ->", ev.wait(0.2), f"{time.monotonic() - T0:.2f}")
print("wait 1 ->", ev.wait(1), f"{time.monotonic() - T0:.2f}")
rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
t = threading.Thread(target=time.sleep, args=(1,))
t.start()
t.join(timeout=0.25)
print("alive after join(0.25):", t.is_alive(), f"{time.monotonic() - T0:.2f}")
t.join()
print("alive after join():", t.is_alive(), f"{time.monotonic() - T0:.2f}")
print(threading.current_thread().name, threading.main_thread().name, threading.active_count())
