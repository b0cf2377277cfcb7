# thread daemon exit.
import threading
import time

def forever():
    while True:
        time.sleep(0.3)
        print("daemon tick", f"{time.monotonic():.2f}")

threading.Thread(target=forever, daemon=True).start()
time.sleep(1)
print("main exits")
