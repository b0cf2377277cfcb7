"""A fetcher limited to 3 concurrent requests by a Semaphore.

Watch: never more than three requests in flight; 8 requests finish in 3 waves.
"""
import asyncio

LIMIT = 3
in_flight = 0

async def fetch(sem, url, cost):
    global in_flight
    async with sem:
        in_flight += 1
        print(f"{asyncio.get_running_loop().time():.2f} start {url} (in flight: {in_flight})")
        await asyncio.sleep(cost)
        in_flight -= 1
        return f"{url}: {cost}"

async def main():
    sem = asyncio.Semaphore(LIMIT)
    costs = [0.5, 0.3, 0.7, 0.25, 0.4, 0.6, 0.1, 0.35]
    results = await asyncio.gather(*(fetch(sem, f"/page{i}", c) for i, c in enumerate(costs)))
    print(f"{asyncio.get_running_loop().time():.2f} done:", results)

asyncio.run(main())
