import asyncio
import threading
import time


def worker(loop, queue, n):
    for i in range(n):
        time.sleep(0.1)
        loop.call_soon_threadsafe(queue.put_nowait, (threading.current_thread().name, i))
    loop.call_soon_threadsafe(queue.put_nowait, None)


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    th = threading.Thread(target=worker, args=(loop, q, 3), name="bg-worker")
    th.start()
    t0 = loop.time()
    while (item := await q.get()) is not None:
        print(f"{loop.time() - t0:.2f}", item)
    th.join()
    print("worker alive:", th.is_alive())
    fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.1, "from thread"), loop)
    print(type(fut).__name__)
    print(await asyncio.wrap_future(fut))


asyncio.run(main())
