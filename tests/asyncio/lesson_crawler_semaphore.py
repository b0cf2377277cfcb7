# lesson crawler semaphore.
import asyncio

LATENCY = {"a": 0.3, "b": 1.7, "c": 0.6, "d": 2.5, "e": 0.9, "f": 0.45}
LINKS = {"a": ["b", "c"], "c": ["d", "e"], "e": ["f", "a"], "b": [], "d": [], "f": []}

class FetchError(Exception):
    pass

async def fetch(url):
    await asyncio.sleep(LATENCY[url])
    if url == "e":
        raise FetchError(f"500 on {url}")
    return LINKS[url]

async def crawl(start):
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    seen = {start}
    frontier = [start]
    async def guarded(u):
        async with sem:
            return await asyncio.wait_for(fetch(u), timeout=2)
    while frontier:
        results = await asyncio.gather(*(guarded(u) for u in frontier), return_exceptions=True)
        nxt = []
        for u, r in zip(frontier, results):
            if isinstance(r, BaseException):
                print(f"{loop.time():.2f} {u}: {type(r).__name__} {r}")
                continue
            print(f"{loop.time():.2f} {u}: links {r}")
            for v in r:
                if v not in seen:
                    seen.add(v)
                    nxt.append(v)
        frontier = nxt
    return sorted(seen)

print(asyncio.run(crawl("a")))
