# asyncio.run returns main's value; consecutive runs share the task counter and the clock.
import asyncio
import time

async def compute(x):
    await asyncio.sleep(x)
    return x * 10, asyncio.current_task().get_name()

print(asyncio.run(compute(1)))
print(asyncio.run(compute(2)))
print(f"monotonic after two runs: {time.monotonic():.2f}")
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
