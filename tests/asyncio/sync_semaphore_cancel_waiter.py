import asyncio
async def guarded(sem, n, log):
    async with sem:
        log.append(f"start {n}")
        await asyncio.sleep(1)
        log.append(f"end {n}")
async def main():
    sem = asyncio.Semaphore(2)
    log = []
    tasks = [asyncio.create_task(guarded(sem, n, log)) for n in range(5)]
    await asyncio.sleep(0.5)
    tasks[3].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log)
    print([t.cancelled() for t in tasks])
asyncio.run(main())
