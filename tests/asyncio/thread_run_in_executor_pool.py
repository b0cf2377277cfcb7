# run_in_executor with ThreadPoolExecutor(max_workers=2): four ~0.3 s jobs take ~0.6 s.
import asyncio
import concurrent.futures
import threading
import time

def job(name, d):
    start = time.monotonic()
    time.sleep(d)
    return f"{name} on {threading.current_thread().name}: {start:.2f}-{time.monotonic():.2f}"

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        t0 = loop.time()
        futs = [loop.run_in_executor(pool, job, f"j{i}", 0.3 + 0.01 * i) for i in range(4)]
        for line in await asyncio.gather(*futs):
            print(line)
        print(f"elapsed {loop.time() - t0:.2f}")

asyncio.run(main())
