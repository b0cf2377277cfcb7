# Random mixes of Semaphore, Lock, Event and Queue operations with timeouts
# and cancellations, one per seed (the program was made by a generator; 40
# seeds matched CPython before these three were kept): the C stand-ins for
# these (src/sim/fastpath.c) must keep CPython's order of events exactly.
import asyncio
import random

rng = random.Random()
log = []


def note(*parts):
    log.append(" ".join(str(p) for p in parts))


async def worker(name, sem, lock, event, queue):
    loop = asyncio.get_running_loop()
    try:
        for step in range(rng.randrange(3, 9)):
            op = rng.randrange(9)
            if op == 0:
                async with sem:
                    note(name, "sem in", round(loop.time(), 3))
                    await asyncio.sleep(rng.choice([0, 0.001, 0.002, 0.003]))
            elif op == 1:
                async with lock:
                    note(name, "lock in", round(loop.time(), 3))
                    await asyncio.sleep(rng.choice([0, 0.001, 0.002]))
            elif op == 2:
                try:
                    async with asyncio.timeout(rng.choice([0.001, 0.004])):
                        note(name, "event", await event.wait())
                except TimeoutError:
                    note(name, "event timeout")
            elif op == 3:
                if rng.random() < 0.5:
                    event.set()
                else:
                    event.clear()
                note(name, "event", event.is_set())
            elif op == 4:
                try:
                    await asyncio.wait_for(queue.put((name, step)), rng.choice([0.001, 0.005]))
                    note(name, "put", queue.qsize())
                except TimeoutError:
                    note(name, "put timeout")
            elif op == 5:
                try:
                    async with asyncio.timeout(rng.choice([0.002, 0.006])):
                        item = await queue.get()
                    queue.task_done()
                    note(name, "got", item)
                except TimeoutError:
                    note(name, "get timeout")
            elif op == 6:
                await asyncio.sleep(rng.choice([0, 0.001, 0.0015]))
            elif op == 7:
                if not queue.full():
                    queue.put_nowait((name, "nowait"))
                    note(name, "put_nowait")
                elif not queue.empty():
                    note(name, "get_nowait", queue.get_nowait())
                    queue.task_done()
            else:
                await sem.acquire()
                try:
                    note(name, "sem acquired", sem.locked())
                    await asyncio.sleep(0.001)
                finally:
                    sem.release()
    except asyncio.CancelledError:
        note(name, "cancelled at", round(loop.time(), 3))
        raise
    return name


async def main():
    sem = asyncio.Semaphore(rng.randrange(1, 3))
    lock = asyncio.Lock()
    event = asyncio.Event()
    queue = asyncio.Queue(maxsize=rng.randrange(1, 4))
    tasks = [asyncio.create_task(worker(f"w{i}", sem, lock, event, queue)) for i in range(rng.randrange(4, 9))]
    for _ in range(rng.randrange(0, 4)):
        await asyncio.sleep(rng.choice([0, 0.001, 0.002]))
        victim = rng.choice(tasks)
        note("cancel", victim.get_name(), victim.cancel())
    results = await asyncio.gather(*tasks, return_exceptions=True)
    note("results", [r if isinstance(r, str) else type(r).__name__ for r in results])
    note("end", repr(sem).split("[")[1], repr(lock).split("[")[1], queue.qsize(), round(asyncio.get_running_loop().time(), 3))
    print("\n".join(log))


for seed in (202, 303, 606):
    rng.seed(seed)
    log.clear()
    print(f"-- seed {seed}")
    asyncio.run(main())
