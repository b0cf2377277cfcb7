# Cancelling the gather future cancels every child; the awaiting task then gets
# CancelledError although outer.cancelled() is False.
import asyncio

async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise
    print(f"{asyncio.get_running_loop().time():.2f} {name} finished")
    return name

async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(work("m", 1), work("n", 5), work("o", 6))
    loop.call_later(2, g.cancel, "stop!")
    try:
        await g
    except asyncio.CancelledError as e:
        print("CancelledError", e.args, "outer.cancelled() =", g.cancelled(),
              "caller cancelling() =", asyncio.current_task().cancelling())

asyncio.run(main())
