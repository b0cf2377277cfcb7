# create_task schedules the first step for the next iteration; the creator keeps
# running until it awaits something.
import asyncio

async def child(name):
    print(f"{name} first step")
    await asyncio.sleep(0.1)
    print(f"{name} second step at {asyncio.get_running_loop().time():.2f}")
    return name.upper()

async def main():
    t1 = asyncio.create_task(child("one"))
    t2 = asyncio.create_task(child("two"))
    print("created both; done?", t1.done(), t2.done())
    print("main still running before any await")
    r1 = await t1
    r2 = await t2
    print("results:", r1, r2)

asyncio.run(main())
