# thread pool as completed threadsafe.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def work(n):
    time.sleep(n)
    return f"{threading.current_thread().name}:{n}"

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        futs = [loop.run_in_executor(ex, work, d) for d in (1, 2, 3.5)]
        for f in asyncio.as_completed(futs):
            print(await f, f"{loop.time():.2f}")
    print(await loop.run_in_executor(None, work, 0.5), f"{loop.time():.2f}")
    res = await asyncio.gather(*(asyncio.to_thread(work, d) for d in (0.3, 0.6)))
    print(sorted(r.split(":")[1] for r in res), f"{loop.time():.2f}")
    def raiser():
        raise LookupError("in thread")
    try:
        await asyncio.to_thread(raiser)
    except LookupError as e:
        print("caught from thread:", e)
    done = threading.Event()
    out = []
    def bg():
        time.sleep(0.7)
        out.append(threading.current_thread().name)
        done.set()
    t = threading.Thread(target=bg, name="bgthread")
    t.start()
    await asyncio.sleep(1)
    print(out, t.is_alive(), done.is_set())
    t.join()
    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.25, "rct"), loop)
        return fut.result()
    print(await asyncio.to_thread(from_thread), f"{loop.time():.2f}")
    print(threading.current_thread() is threading.main_thread())

asyncio.run(main())
