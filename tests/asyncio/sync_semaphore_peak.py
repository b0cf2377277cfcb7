# sync semaphore peak.
import asyncio

active = 0
peak = 0

async def fetch(sem, i):
    global active, peak
    loop = asyncio.get_running_loop()
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"{loop.time():.2f} start {i} active={active} locked={sem.locked()}")
        await asyncio.sleep(0.5 + (i % 3) * 0.25)
        active -= 1
    return i

async def main():
    sem = asyncio.Semaphore(3)
    res = await asyncio.gather(*(fetch(sem, i) for i in range(8)))
    print(res, "peak", peak)
    print(repr(sem).split(" [")[1] if "[" in repr(sem) else "?")

asyncio.run(main())
