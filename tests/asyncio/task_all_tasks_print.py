import asyncio


async def sleeper(n):
    await asyncio.sleep(n)


async def main():
    tasks = [asyncio.create_task(sleeper(i / 10), name=f"sleeper-{i}") for i in range(1, 4)]
    await asyncio.sleep(0)
    current = asyncio.current_task()
    print("current:", current.get_name())
    for t in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        print(" ", t.get_name(), "done" if t.done() else "pending", t.get_coro().__qualname__)
    await asyncio.sleep(0.15)
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(len(names), names)
    await asyncio.gather(*tasks)
    print([t.get_name() for t in asyncio.all_tasks()])
    print(tasks[0])


asyncio.run(main())
