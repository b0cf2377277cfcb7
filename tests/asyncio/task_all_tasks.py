# all_tasks() returns the not-done tasks of the running loop (a set: print it sorted).
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)

async def main():
    ts = [asyncio.create_task(sleeper(d), name=f"s{d}") for d in (1, 2, 3)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
