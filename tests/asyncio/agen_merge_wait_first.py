# agen merge wait first.
import asyncio

async def source(name, period, count):
    for i in range(count):
        await asyncio.sleep(period)
        yield f"{name}{i}"

async def step(g):
    return await g.__anext__()

async def main():
    loop = asyncio.get_running_loop()
    gens = {"fast": source("f", 0.3, 4), "slow": source("s", 0.7, 2)}
    pending = {}
    for name, g in gens.items():
        pending[asyncio.ensure_future(step(g))] = name
    while pending:
        done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for fut in sorted(done, key=lambda f: pending[f]):
            name = pending.pop(fut)
            try:
                val = fut.result()
            except StopAsyncIteration:
                print(f"{loop.time():.2f} {name} exhausted")
                continue
            print(f"{loop.time():.2f} {name} -> {val}")
            pending[asyncio.ensure_future(step(gens[name]))] = name

asyncio.run(main())
