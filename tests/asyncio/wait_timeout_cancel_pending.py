# wait timeout cancel pending.
import asyncio

async def job(i):
    try:
        await asyncio.sleep(i * 0.4)
        return i
    except asyncio.CancelledError:
        print("job", i, "cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    tasks = {asyncio.create_task(job(i), name=f"job{i}") for i in range(1, 6)}
    done, pending = await asyncio.wait(tasks, timeout=1)
    print(f"{loop.time():.2f}", sorted(t.result() for t in done), sorted(t.get_name() for t in pending))
    for t in sorted(pending, key=lambda t: t.get_name()):
        t.cancel()
    res = await asyncio.gather(*sorted(pending, key=lambda t: t.get_name()), return_exceptions=True)
    print([type(r).__name__ for r in res], f"{loop.time():.2f}")

asyncio.run(main())
