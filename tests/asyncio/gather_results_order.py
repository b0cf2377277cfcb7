# gather returns results in argument order, whatever order the children finish in.
import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time():.2f} {name} finished")
    return name

async def main():
    res = await asyncio.gather(work("a", 0.3), work("b", 0.1), work("c", 0.2))
    print("results:", res)
    print("empty gather:", await asyncio.gather())
    t = asyncio.create_task(work("t", 0.1))
    print("same task twice:", await asyncio.gather(t, t, work("d", 0.05)))

asyncio.run(main())
