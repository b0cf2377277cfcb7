from concurrent.futures import ThreadPoolExecutor
import threading


def work(n):
    if n == 2:
        raise KeyError(n)
    return n * 2


def boom():
    raise RuntimeError("in thread")


with ThreadPoolExecutor(max_workers=2) as ex:
    futs = [ex.submit(work, i) for i in range(3)]
    print([f.result() for f in futs[:2]])
    try:
        futs[2].result()
    except KeyError as e:
        print("KeyError", e)
    print(list(ex.map(work, [0, 1])))

t = threading.Thread(target=boom, name="T1")
t.start()
t.join()
print("after thread")
with ThreadPoolExecutor() as ex:
    ex.submit(work, 2).result()
