# thread wrap future cf wait.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

def sync_part(n):
    time.sleep(n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=3) as ex:
        cf = [ex.submit(sync_part, d) for d in (0.5, 0.25, 0.75)]
        wrapped = [asyncio.wrap_future(f) for f in cf]
        print(await asyncio.gather(*wrapped), f"{loop.time():.2f}")
    def sync_world():
        with ThreadPoolExecutor(max_workers=2) as ex:
            fs = [ex.submit(sync_part, d) for d in (0.4, 0.2)]
            done, not_done = wait(fs, return_when=FIRST_COMPLETED)
            first = [f.result() for f in done]
            rest = [f.result() for f in fs]
            return first, sorted(rest)
    print(await asyncio.to_thread(sync_world), f"{loop.time():.2f}")

asyncio.run(main())
