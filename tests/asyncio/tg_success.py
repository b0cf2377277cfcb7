# TaskGroup waits for all its tasks; results are read from the tasks afterwards.
import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time():.2f} {name} done")
    return name * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 0.3))
        t2 = tg.create_task(work("b", 0.1), name="named-b")
        print("inside the block; t2 is", t2.get_name())
    print(f"{asyncio.get_running_loop().time():.2f} after the block:", t1.result(), t2.result())

asyncio.run(main())
