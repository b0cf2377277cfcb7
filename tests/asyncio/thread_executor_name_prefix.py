# Thread names of the default executor (asyncio_N) and of a named pool.
import asyncio
import concurrent.futures
import threading
import time

def who(d):
    time.sleep(d)
    return threading.current_thread().name

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.gather(*(asyncio.to_thread(who, 0.1 * (i + 1)) for i in range(3))))
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="solo"))
    print(await asyncio.gather(*(asyncio.to_thread(who, 0.1) for i in range(2))))
    print(f"{loop.time():.2f}")

asyncio.run(main())
