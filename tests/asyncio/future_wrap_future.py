# run_coroutine_threadsafe from a worker thread: the worker blocks on the result.
import asyncio
import time

async def ask(n):
    await asyncio.sleep(0.5)
    return n + 1

def worker(loop):
    time.sleep(0.2)
    fut = asyncio.run_coroutine_threadsafe(ask(41), loop)
    return fut.result()

async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.to_thread(worker, loop)
    print(f"{loop.time():.2f} worker got {r}")

asyncio.run(main())
