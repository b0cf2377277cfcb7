# run runner new loop closed.
import asyncio

async def step(n):
    await asyncio.sleep(n)
    loop = asyncio.get_running_loop()
    return f"step {n} at {loop.time():.2f}"

with asyncio.Runner() as runner:
    print(runner.run(step(1)))
    print(runner.run(step(0.5)))
    loop = runner.get_loop()
    print(loop.is_running(), loop.is_closed())
print(loop.is_closed())

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(step(2)))
t = loop.create_task(step(0.25))
print(loop.run_until_complete(t))
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(step(1))
except RuntimeError as e:
    print("RuntimeError:", e)

async def nested():
    c = step(1)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    return "outer ok"

print(asyncio.run(nested()))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
r = asyncio.Runner()
print(r.run(step(0.1)))
r.close()
c = step(0.1)
try:
    r.run(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
