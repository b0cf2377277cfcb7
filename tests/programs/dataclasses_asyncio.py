import asyncio
from dataclasses import dataclass, field
from enum import Enum, auto
import itertools
import functools

class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    status: Status = field(default=Status.PENDING, compare=False)
    log: list = field(default_factory=list, compare=False, repr=False)

async def worker(wid, queue, ids):
    while True:
        job = await queue.get()
        job.status = Status.RUNNING
        await asyncio.sleep(job.priority * 0.1)
        job.status = Status.DONE
        job.log.append(f"w{wid}#{next(ids)}")
        print(f"worker {wid} finished {job}")
        queue.task_done()

async def main():
    queue = asyncio.PriorityQueue()
    jobs = [Job(p, n) for p, n in zip([3, 1, 2, 1], "abcd")]
    for j in jobs:
        queue.put_nowait(j)
    ids = itertools.count(1)
    workers = [asyncio.create_task(worker(i, queue, ids)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(jobs), [j.log for j in jobs])
    print(functools.reduce(lambda a, j: a + j.priority, jobs, 0), {s.name: sum(j.status is s for j in jobs) for s in Status})

asyncio.run(main())
