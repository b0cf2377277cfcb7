# asyncio.Runner runs several coroutines on one loop.
import asyncio

async def step(n):
    await asyncio.sleep(n)
    return f"step {n} at {asyncio.get_running_loop().time():.2f}"

with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    print(runner.run(step(0.5)))
    loop = runner.get_loop()
    print("loop running:", loop.is_running())
print("closed after with:", loop.is_closed())
