from concurrent.futures import ThreadPoolExecutor
import threading


def work(n):
    print("work", n)
    return n


t = threading.Thread(target=work, args=(0,))
t.start()
print("main after start")
t.join()
with ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(work, 1)
    print("main after submit", f.done())
    f2 = ex.submit(work, 2)
    print("main after submit 2", f2.done())
    f3 = ex.submit(work, 3)
    print("main after submit 3", f3.done())
    print(f.result(), f2.result(), f3.result())
