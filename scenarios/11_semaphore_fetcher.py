"""A fetcher bounded by a Semaphore

What to watch for: all seven fetches start at once, but the Semaphore(3) lets
only three past `async with` at a time; the others wait on it, each parked on
its own future. Whenever a fetch leaves the block, the next waiter in line is
woken, so at most three requests are ever in flight and the rest queue up in
order.
"""
import asyncio

LIMIT = 3
COSTS = [0.5, 0.3, 0.7, 0.25, 0.45, 0.6, 0.15]
in_flight = 0


async def fetch(sem, page, cost):
    global in_flight
    loop = asyncio.get_running_loop()
    async with sem:
        in_flight += 1
        print(f"{loop.time():.2f}  GET /{page:<6} in flight: {'#' * in_flight}")
        await asyncio.sleep(cost)       # the request itself
        in_flight -= 1
    return cost


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(LIMIT)
    pages = [f"page{i}" for i in range(len(COSTS))]
    costs = await asyncio.gather(*(fetch(sem, p, c) for p, c in zip(pages, COSTS)))
    print(f"{loop.time():.2f}  {len(costs)} pages; {sum(costs):.2f} s of requests")
    print(f"      took {loop.time():.2f} s with at most {LIMIT} at a time")


asyncio.run(main())
