"""TaskGroup cancels the siblings, gather does not

What to watch for: the same three jobs run twice; job b fails after 0.5 s. With
gather the ValueError reaches main at once, but job c is not cancelled: it stays
in the timer heap and finishes on its own at 1.00, with nobody waiting for its
result. With a TaskGroup the failure cancels c (watch its cancellation being
delivered), the group waits for it to end, and the error arrives wrapped in an
ExceptionGroup.
"""
import asyncio


async def job(name, seconds, fail=False):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f}  {name} cancelled")
        raise
    if fail:
        print(f"{loop.time():.2f}  {name} fails")
        raise ValueError(f"{name} broke")
    print(f"{loop.time():.2f}  {name} finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    print("gather:")
    try:
        await asyncio.gather(job("a", 0.3), job("b", 0.5, fail=True), job("c", 1.0))
    except ValueError as exc:
        print(f"{loop.time():.2f}  main caught {exc!r}")
    await asyncio.sleep(0.7)            # c keeps running in the background

    print("TaskGroup:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.3))
            tg.create_task(job("b", 0.5, fail=True))
            tg.create_task(job("c", 1.0))
    except* ValueError as group:
        print(f"{loop.time():.2f}  main caught {group.exceptions!r}")


asyncio.run(main())
