"""Sequential work: one thing at a time

What to watch for: this first program uses no asyncio at all. Each fetch()
waits with time.sleep(), and while it waits the one thread can do nothing else,
so the total time is the sum of the waits. The clock is virtual: a second of
waiting takes no real time, yet time.perf_counter() reports it exactly. Lesson
02 does the same three fetches with asyncio and overlaps the waits.
"""
import time

JOBS = [("users", 0.8), ("orders", 0.5), ("prices", 1.2)]


def fetch(name, seconds):
    print(f"{time.perf_counter():.2f}  start {name}")
    time.sleep(seconds)                 # the thread waits; nothing else runs
    print(f"{time.perf_counter():.2f}  done  {name}")
    return f"{name}:{seconds}"


def main():
    started = time.perf_counter()
    results = [fetch(name, seconds) for name, seconds in JOBS]
    print(f"took {time.perf_counter() - started:.2f} s (the sum of the waits) -> {results}")


if __name__ == "__main__":
    main()
