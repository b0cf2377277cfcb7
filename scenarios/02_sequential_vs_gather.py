"""Sequential awaits vs asyncio.gather

What to watch for: awaiting three downloads one after another leaves one timer
in the heap at a time, so the waits add up. gather wraps each coroutine in its
own task: all three start in the same loop iteration, all three timers are
pending together, and the total is the longest wait instead of the sum. The
results come back in argument order even though the downloads finish in a
different one.
"""
import asyncio

JOBS = [("users", 0.8), ("orders", 0.5), ("prices", 1.2)]


async def download(name, seconds):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f}  start {name}")
    await asyncio.sleep(seconds)        # stands for waiting on the network
    print(f"{loop.time():.2f}  done  {name}")
    return f"{name}:{seconds}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = []
    for name, seconds in JOBS:
        results.append(await download(name, seconds))
    print(f"sequential took {loop.time() - t0:.2f} s -> {results}")

    t0 = loop.time()
    results = await asyncio.gather(*(download(n, s) for n, s in JOBS))
    print(f"gather took     {loop.time() - t0:.2f} s -> {results}")


asyncio.run(main())
