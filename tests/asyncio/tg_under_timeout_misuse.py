# tg under timeout misuse.
import asyncio

async def fetch(i):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(i * 0.5)
        print(f"{loop.time():.2f} fetched {i}")
        return i
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} fetch {i} cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    tasks = []
    try:
        async with asyncio.timeout(1.25):
            async with asyncio.TaskGroup() as tg:
                for i in range(1, 4):
                    tasks.append(tg.create_task(fetch(i)))
    except TimeoutError:
        print(f"{loop.time():.2f} group timed out")
    print([t.result() if not t.cancelled() else "X" for t in tasks])
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(fetch(1))
        try:
            tg.create_task(5)
        except TypeError as e:
            print("TypeError:", e)
    print(t.result())
    c = fetch(0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()

asyncio.run(main())
