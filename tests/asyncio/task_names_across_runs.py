# task names across runs.
import asyncio

async def child():
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()

async def main(tag):
    t = asyncio.create_task(child())
    names = await asyncio.gather(child(), t, child())
    print(tag, asyncio.current_task().get_name(), names)
    return len(names)

print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
with asyncio.Runner() as r:
    print(r.run(main("runner")))
    print(r.run(main("runner2")))
