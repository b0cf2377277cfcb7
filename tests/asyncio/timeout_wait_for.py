# wait_for: a coroutine runs inside the caller's task; a task is cancelled and
# waited for; timeout<=0 never starts a coroutine.
import asyncio

async def slow(d):
    try:
        await asyncio.sleep(d)
        return f"slow({d})"
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} slow({d}) cancelled in",
              asyncio.current_task().get_name())
        raise

async def main():
    loop = asyncio.get_running_loop()
    print("fast:", await asyncio.wait_for(slow(0.5), 1))
    try:
        await asyncio.wait_for(slow(5), 1)
    except TimeoutError:
        print(f"{loop.time():.2f} wait_for(coro) TimeoutError")
    t = asyncio.create_task(slow(5))
    try:
        await asyncio.wait_for(t, 1)
    except TimeoutError:
        print(f"{loop.time():.2f} wait_for(task) TimeoutError; task.cancelled() =", t.cancelled())
    try:
        await asyncio.wait_for(slow(1), 0)
    except TimeoutError:
        print(f"{loop.time():.2f} wait_for(coro, 0) TimeoutError")
    print("None timeout:", await asyncio.wait_for(slow(0.25), None))

asyncio.run(main())
