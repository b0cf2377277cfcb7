# Benchmark: asyncio scheduling. 50,000 jobs in a TaskGroup pass through a
# Semaphore(100) and a bounded Queue drained by 8 consumers; then a gather of
# 20,000 coroutines yielding with sleep(0); then 20,000 tasks parked on one
# Event. Prints counts, a checksum and the final virtual time.
#
# Needs a virtual clock (the sleeps add up to seconds): run it with loopscope
# (--cpu-cost 0, so that the final time matches) or CPython on
# tests/vclock/vrun.py; bench/run_asyncio.sh does both. The output does not
# depend on the order of equal-deadline timers.
import asyncio

JOBS = 50_000
CONSUMERS = 8
YIELDERS = 20_000
PARKED = 20_000


async def job(i, sem, queue):
    async with sem:
        await asyncio.sleep((i % 5 + 1) * 0.001)
    await queue.put(i % 1000)


async def consumer(queue, totals):
    while True:
        value = await queue.get()
        totals[0] += value
        totals[1] += 1
        queue.task_done()


async def yielder(i):
    for _ in range(i % 3 + 1):
        await asyncio.sleep(0)
    return i % 7


async def parked(event, woken):
    await event.wait()
    woken.append(1)


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(100)
    queue = asyncio.Queue(maxsize=500)
    totals = [0, 0]
    consumers = [asyncio.create_task(consumer(queue, totals)) for _ in range(CONSUMERS)]
    async with asyncio.TaskGroup() as tg:
        for i in range(JOBS):
            tg.create_task(job(i, sem, queue))
    await queue.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(f"taskgroup: {totals[1]} jobs, checksum {totals[0]}, t={loop.time():.2f}")

    results = await asyncio.gather(*(yielder(i) for i in range(YIELDERS)))
    print(f"gather: {len(results)} results, sum {sum(results)}, t={loop.time():.2f}")

    event = asyncio.Event()
    woken = []
    waiters = [asyncio.create_task(parked(event, woken)) for _ in range(PARKED)]
    await asyncio.sleep(0.5)
    event.set()
    await asyncio.gather(*waiters)
    print(f"event: {len(woken)} woken, t={loop.time():.2f}")


asyncio.run(main())
