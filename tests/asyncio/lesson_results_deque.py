# lesson results deque.
import asyncio
from collections import deque

async def measure(name, d):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(d)
    return (name, d * 10, round(loop.time() - start, 2))

async def main():
    results = await asyncio.gather(*(measure(n, d) for n, d in [("a", 0.2), ("b", 0.1), ("a", 0.3)]))
    print(results)
    window = deque(maxlen=2)
    for r in results:
        window.append(r[2])
    print(window, list(window), len(window))
    jobs = deque(range(5))
    jobs.rotate(2)
    print(jobs, jobs.popleft(), jobs.pop())
    jobs.appendleft(-1)
    jobs.extend([7, 8])
    print(jobs, jobs.maxlen)

asyncio.run(main())
