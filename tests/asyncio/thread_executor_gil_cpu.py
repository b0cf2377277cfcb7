import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def cpu(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="cpu") as ex:
        futs = [loop.run_in_executor(ex, cpu, 20000 * k) for k in (1, 2, 3)]
        results = await asyncio.gather(*futs)
    print(results)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))


asyncio.run(main())
