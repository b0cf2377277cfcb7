"""Sequential work: one thing at a time

Watch for: each call to fetch() blocks until it is done, so the total time
is the sum of all the waits. The clock is virtual: a two-second wait takes
no real time, yet time.perf_counter() reports it exactly. The asyncio lessons
that follow do the same work concurrently.
"""
import time


def fetch(name, seconds):
    print(f"{time.perf_counter():5.2f}s  start {name}")
    time.sleep(seconds)            # blocks: nothing else can happen meanwhile
    print(f"{time.perf_counter():5.2f}s  done  {name}")
    return f"{name}: {seconds}s of data"


def main():
    started = time.perf_counter()
    results = [fetch(name, secs) for name, secs in [("users", 2), ("orders", 1), ("prices", 3)]]
    for line in results:
        print("  ", line)
    print(f"total {time.perf_counter() - started:.2f}s (the sum of the waits)")


if __name__ == "__main__":
    main()
