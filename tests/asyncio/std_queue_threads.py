# queue.Queue between simulated threads: blocking get/put, task_done/join,
# timeouts in virtual time, the other queues, queue.py's frames.
import queue
import threading
import time


def producer(q, n):
    for i in range(n):
        time.sleep(0.1)
        q.put(i)
        print(f"{time.monotonic():.2f} put {i}")
    q.put(None)


def consumer(q, name):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            print(f"{time.monotonic():.2f} {name} stops")
            break
        print(f"{time.monotonic():.2f} {name} got {item}")
        time.sleep(0.25)
        q.task_done()


q = queue.Queue(maxsize=2)
threads = [threading.Thread(target=producer, args=(q, 4)), threading.Thread(target=consumer, args=(q, "c1"))]
for t in threads:
    t.start()
q.join()
print(f"{time.monotonic():.2f} joined", q.qsize(), q.empty(), q.full())
for t in threads:
    t.join()

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
sq = queue.SimpleQueue()
for x in (3, 1, 2):
    lq.put(x)
    pq.put((x, f"job{x}"))
    sq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)], [sq.get() for _ in range(3)], sq.empty(), sq.qsize())
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e), queue.Empty)
small = queue.Queue(1)
small.put("a")
try:
    small.put("b", block=False)
except queue.Full:
    print("Full")
t0 = time.monotonic()
try:
    small.put("b", timeout=0.5)
except queue.Full:
    print(f"Full after {time.monotonic() - t0:.2f}s")
try:
    queue.Queue().get(timeout=1.5)
except queue.Empty:
    print(f"Empty after {time.monotonic() - t0:.2f}s")
try:
    sq.get(block=False)
except queue.Empty:
    print("SimpleQueue empty")
try:
    queue.Queue().get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    queue.Queue().task_done()
except ValueError as e:
    print("ValueError:", e)


def late():
    time.sleep(2)
    small.get()
    print(f"{time.monotonic():.2f} made room")


threading.Thread(target=late).start()
small.put("c")
print(f"{time.monotonic():.2f} put c after blocking", list(small.queue))
print(queue.Queue[int], queue.SimpleQueue, type(sq).__name__)
pq.put({"a": 1})
pq.put({"b": 2})
