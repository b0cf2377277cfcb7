# return_exceptions=True puts exceptions (and CancelledError for cancelled children)
# into the result list.
import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def bad(d):
    await asyncio.sleep(d)
    raise RuntimeError(f"bad {d}")

async def main():
    loop = asyncio.get_running_loop()
    victim = asyncio.create_task(ok(5))
    loop.call_later(0.5, victim.cancel, "stop it")
    res = await asyncio.gather(ok(0.2), bad(0.1), victim, ok(0.3), return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))
    print(f"{loop.time():.2f}")

asyncio.run(main())
