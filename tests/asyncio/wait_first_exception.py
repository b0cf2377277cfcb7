# FIRST_EXCEPTION returns at the first failure (or when all are done).
import asyncio

async def work(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"failed at {d}")
    return d

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(1), name="ok1"),
          asyncio.create_task(work(2, True), name="bad2"),
          asyncio.create_task(work(4), name="ok4")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.2f} done:", sorted(t.get_name() for t in done),
          "pending:", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    ts[1].exception()
    ts2 = [asyncio.create_task(work(0.5)), asyncio.create_task(work(0.25))]
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.2f} no failure: {len(done)} done, {len(pending)} pending")

asyncio.run(main())
