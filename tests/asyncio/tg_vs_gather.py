# The same failure under gather and under TaskGroup: gather leaves the sibling running,
# TaskGroup cancels it.
import asyncio

log = []

async def slow(label):
    try:
        await asyncio.sleep(3)
        log.append(f"{label}: slow finished")
    except asyncio.CancelledError:
        log.append(f"{label}: slow cancelled")
        raise

async def fast_fail():
    await asyncio.sleep(1)
    raise ValueError("fast failed")

async def main():
    try:
        await asyncio.gather(slow("gather"), fast_fail())
    except ValueError:
        log.append("gather: ValueError")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow("taskgroup"))
            tg.create_task(fast_fail())
    except* ValueError:
        log.append("taskgroup: ValueError in a group")
    await asyncio.sleep(5)
    for line in log:
        print(line)

asyncio.run(main())
