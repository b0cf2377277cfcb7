import asyncio
import time


def blocking_io(n):
    time.sleep(n)
    return f"io {n}"


def cpu(n):
    return sum(i * i for i in range(n))


async def main():
    t0 = time.monotonic()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, 1),
        asyncio.to_thread(blocking_io, 0.5),
        asyncio.sleep(0.7, result="slept"),
    )
    print(results, f"{time.monotonic() - t0:.2f}")
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, cpu, 1000)
    print(r)
    r = await asyncio.to_thread(cpu, n=100)
    print(r)
    try:
        await asyncio.to_thread(int, "x")
    except ValueError as e:
        print("ValueError", e)
    await asyncio.to_thread(int, "y")


asyncio.run(main())
