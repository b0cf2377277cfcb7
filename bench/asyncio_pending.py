# Benchmark: memory per pending task. N tasks are created and all parked on
# one Event; once they are all waiting, the program says how many wait, then
# cancels them in creation order, a batch at a time, so that nothing after the
# pending state needs more memory than it did (and Event's waiter list is only
# ever trimmed at its head). bench/run_asyncio.sh runs copies with N = 0 and
# N = 50000 and divides the difference in peak RSS by N. Run it on a virtual
# clock (loopscope, or CPython on tests/vclock/vrun.py) like the other
# asyncio benchmark, although it never sleeps.
import asyncio

N = 50_000
BATCH = 1000


async def parked(event):
    await event.wait()


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(parked(event)) for _ in range(N)]
    await asyncio.sleep(0)              # every task runs up to event.wait()
    print(f"{sum(not t.done() for t in tasks)} tasks pending on one Event")
    for start in range(0, N, BATCH):
        for task in tasks[start:start + BATCH]:
            task.cancel()
        await asyncio.sleep(0)          # this batch runs its cancellation
    print(f"{sum(t.cancelled() for t in tasks)} cancelled")


asyncio.run(main())
