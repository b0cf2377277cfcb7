# vrun regression: what is virtual.
import asyncio, os, time
print(f"{time.monotonic():.3f} {time.perf_counter():.3f} {time.time():.3f} {time.monotonic_ns()}")
time.sleep(1.5)
print(f"{time.monotonic():.3f} {time.perf_counter_ns()} {time.time_ns()}")
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), time.process_time(), os.cpu_count())
async def main():
    loop = asyncio.get_running_loop()
    print(loop, f"{loop.time():.3f}")
    await asyncio.sleep(86400 * 3)
    print(f"after three days: {loop.time():.1f}")
asyncio.run(main())
loop = asyncio.new_event_loop()
print(type(loop).__name__, f"{loop.time():.1f}")
loop.run_until_complete(asyncio.sleep(0.5))
loop.close()
print(f"{time.monotonic():.1f}")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
