# threading.BoundedSemaphore, Condition.wait_for, Timer (and cancel), a Semaphore crossed by two to_thread jobs.
import threading, time, asyncio
sem = threading.BoundedSemaphore(2)
log = []
def job(n):
    sem.acquire()
    try:
        log.append(("start", n, round(time.monotonic(), 2)))
        time.sleep(0.2)
        log.append(("end", n, round(time.monotonic(), 2)))
    finally:
        sem.release()
ts = [threading.Thread(target=job, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
for e in log: print(e)
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: items)
        print("consumer got", items[0], round(time.monotonic(), 2))
c = threading.Thread(target=consumer); c.start()
time.sleep(0.3)
with cond:
    items.append("x"); cond.notify()
c.join()
fired = []
tm = threading.Timer(0.5, lambda: fired.append(round(time.monotonic(), 2))); tm.start()
tm2 = threading.Timer(0.5, lambda: fired.append("never")); tm2.start(); tm2.cancel()
tm.join(); tm2.join()
print(fired)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
async def main():
    s = threading.Semaphore(0)
    def rel():
        time.sleep(0.1); s.release()
    await asyncio.gather(asyncio.to_thread(rel), asyncio.to_thread(s.acquire))
    print("acquired after release", round(asyncio.get_running_loop().time(), 2))
asyncio.run(main())
