# CPU-bound work in a thread: the result comes back through the loop (no timing
# printed: computation time is not modelled the same way everywhere).
import asyncio

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(loop.run_in_executor(None, crunch, n) for n in (1000, 2000, 3000)))
    print("results:", results)
    print("to_thread:", await asyncio.to_thread(crunch, 10))

asyncio.run(main())
