# atexit runs after the threads that are not daemons are joined, even after SystemExit.
import atexit
import threading
import time

atexit.register(print, "atexit runs after the threads")


def slow():
    time.sleep(1)
    print("thread finished")


threading.Thread(target=slow).start()
print("main ends")
raise SystemExit(3)
