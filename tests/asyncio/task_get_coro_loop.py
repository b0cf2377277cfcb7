# task get coro loop.
import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return d

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(nap(0.5))
    print(t.get_coro().__name__, t.get_coro().__qualname__, t.get_loop() is loop)
    print(asyncio.current_task().get_coro().__name__)
    c = nap(1)
    print(c.__name__, c.__qualname__)
    c.close()
    await t
    def stepped():
        pass
    tasks = asyncio.all_tasks()
    print(len(tasks), asyncio.current_task() in tasks)

asyncio.run(main())
