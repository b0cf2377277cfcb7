# vrun regression: a pool that is never shut down is drained at interpreter exit.
import asyncio, time, concurrent.futures
def job(n):
    time.sleep(1 + n / 10)
    print(f"{time.monotonic():.2f} job {n}")
ex = concurrent.futures.ThreadPoolExecutor(2)
async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(ex, job, 1)
    loop.run_in_executor(ex, job, 2)
    await asyncio.sleep(0.1)
asyncio.run(main())
print(f"{time.monotonic():.2f} end of script (pool not shut down)")
