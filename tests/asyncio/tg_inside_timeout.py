import asyncio
async def job(name, d, fail=False):
    try:
        await asyncio.sleep(d)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{asyncio.get_running_loop().time():.2f} {name} ok")
        return name
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise
async def main():
    try:
        async with asyncio.timeout(1.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(job("a", 0.5))
                tg.create_task(job("b", 1.0))
                tg.create_task(job("c", 2.0))
    except TimeoutError:
        print("timed out")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("d", 0.2, fail=True))
            tg.create_task(job("e", 1.0))
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
asyncio.run(main())
