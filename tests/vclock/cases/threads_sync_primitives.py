# vrun regression: threading primitives wait in virtual time.
import queue, threading, time

def stamp(*a):
    print(f"{time.monotonic():.2f}", threading.current_thread().name, *a)

ev = threading.Event()
def setter():
    time.sleep(0.5)
    stamp("sets the event")
    ev.set()
threading.Thread(target=setter, name="setter").start()
stamp("event wait(0.2) ->", ev.wait(0.2))
stamp("event wait() ->", ev.wait())

q = queue.Queue(maxsize=1)
def producer():
    for i in range(3):
        time.sleep(0.3)
        q.put(i)
        stamp("put", i)
    q.put(None)
threading.Thread(target=producer, name="producer").start()
while (item := q.get()) is not None:
    stamp("got", item)
try:
    q.get(timeout=0.25)
except queue.Empty:
    stamp("queue.Empty after 0.25")

t = threading.Timer(0.4, stamp, args=("timer fired",))
t.start()
t.join()
sem = threading.Semaphore(2)
def user(n):
    with sem:
        stamp("holds the semaphore")
        time.sleep(0.5 + n / 100)
ts = [threading.Thread(target=user, args=(n,), name=f"user{n}") for n in range(3)]
for th in ts:
    th.start()
for th in ts:
    th.join()
b = threading.Barrier(2)
def at_barrier(d):
    time.sleep(d)
    stamp("at the barrier")
    b.wait()
    stamp("passed")
x = threading.Thread(target=at_barrier, args=(0.7,), name="late")
x.start()
at_barrier(0.1)
x.join()
stamp("end")
