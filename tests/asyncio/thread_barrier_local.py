import threading
import time

results = []
lock = threading.Lock()


def on_all_arrived():
    print(f"all arrived at {time.monotonic():.1f}")


barrier = threading.Barrier(3, action=on_all_arrived)
data = threading.local()


def worker(name, delay):
    data.name = name
    time.sleep(delay)
    print(f"{name} waiting at {time.monotonic():.1f} ({barrier.n_waiting} before me)")
    idx = barrier.wait()
    with lock:
        results.append((name, idx, data.name))
    print(f"{name} passed with {idx}")


threads = [threading.Thread(target=worker, args=(f"t{i}", 0.1 * (3 - i))) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(repr(barrier).split(" at ")[0], repr(barrier).split(": ")[1])
print(hasattr(data, "name"))
data.name = "main"
print(data.name)
try:
    print(data.other)
except AttributeError as e:
    print("AttributeError:", e)

b2 = threading.Barrier(2, timeout=0.5)


def lonely():
    try:
        b2.wait()
    except threading.BrokenBarrierError:
        print(f"lonely: barrier broken at {time.monotonic():.1f}")


t = threading.Thread(target=lonely)
t.start()
t.join()
print(b2.broken, repr(b2).split(": ")[1])
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("main: broken", repr(e))
b2.reset()
print(b2.broken, b2.parties, b2.n_waiting)
