import asyncio
async def child(n):
    print(f"child {n} starts")
    await asyncio.sleep(0)
    print(f"child {n} resumes")
    return n
async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    t1 = asyncio.create_task(child(1))
    print("created t1, done?", t1.done())
    t2 = asyncio.create_task(child(2))
    print(await asyncio.gather(t1, t2))
    loop.set_task_factory(None)
    t3 = asyncio.create_task(child(3))
    print("created t3, done?", t3.done())
    print(await t3)
asyncio.run(main())
