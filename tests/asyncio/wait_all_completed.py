# wait() with ALL_COMPLETED returns (done, pending) sets; sort them to print.
import asyncio

async def work(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(d)
    return d

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(d, d == 0.2), name=f"w{d}") for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(ts)
    print(f"{loop.time():.2f} done:", sorted(t.get_name() for t in done), "pending:", len(pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), "->", repr(t.exception()) if t.exception() else t.result())

asyncio.run(main())
