# Without return_exceptions the first failure propagates at once, and the other
# children are NOT cancelled: they keep running.
import asyncio

async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        print(f"{asyncio.get_running_loop().time():.2f} {name} raises")
        raise ValueError(name)
    print(f"{asyncio.get_running_loop().time():.2f} {name} finished")
    return name

async def main():
    try:
        await asyncio.gather(work("x", 1, True), work("y", 2, True), work("z", 3))
    except ValueError as e:
        print(f"{asyncio.get_running_loop().time():.2f} gather raised ValueError({e})")
    await asyncio.sleep(5)
    print("main done")

asyncio.run(main())
