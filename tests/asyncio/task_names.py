# Task names come from a process-global counter: Task-1 is asyncio.run's main task;
# create_task(name=...) still consumes a number; loop.create_task(name=...) does not.
import asyncio

async def noop():
    pass

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="custom")
    c = loop.create_task(noop(), name="custom2")
    d = asyncio.create_task(noop())
    g = asyncio.gather(noop(), noop())
    print(asyncio.current_task().get_name(), a.get_name(), b.get_name(),
          c.get_name(), d.get_name())
    await g
    await asyncio.wait_for(noop(), 1)
    print("next:", asyncio.create_task(noop()).get_name())
    await asyncio.sleep(0)

asyncio.run(main())

async def main2():
    print("second asyncio.run main:", asyncio.current_task().get_name())

asyncio.run(main2())
