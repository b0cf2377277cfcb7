# With eager_task_factory a task's first step runs inside create_task.
import asyncio

async def quick(n):
    print(f"  quick {n} runs; current task = {asyncio.current_task().get_name()}")
    return n

async def slow(n):
    print(f"  slow {n} first step")
    await asyncio.sleep(0)
    print(f"  slow {n} second step")
    return n

async def run(label):
    print(label)
    t = asyncio.create_task(quick(1), name="named")
    print("after create_task: done =", t.done(), "name =", t.get_name())
    s = asyncio.create_task(slow(2))
    print("after create_task(slow): done =", s.done())
    print("gather ->", await asyncio.gather(quick(3), slow(4)))
    await s

async def main():
    await run("lazy (default):")
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await run("eager:")

asyncio.run(main())
