# all_tasks(loop) for a loop that is not running (old-style run_until_complete
# code), subscripted asyncio classes in annotations, and the name of
# as_completed's coroutines; wait_for(..., 0) has its own traceback lines.
import asyncio
loop = asyncio.new_event_loop()
t = loop.create_task(asyncio.sleep(0))
print(len(asyncio.all_tasks(loop)))
loop.run_until_complete(t)
print(len(asyncio.all_tasks(loop)))
loop.close()
print(len(asyncio.all_tasks(loop)))
print(asyncio.Future[str], asyncio.Task[int], asyncio.Queue[int], asyncio.PriorityQueue[int], asyncio.LifoQueue[str])
q: asyncio.Queue[int] = None
async def main():
    for c in asyncio.as_completed([asyncio.sleep(0.1, "x")]):
        print(c.__qualname__)
        print(await c)
    print(len(asyncio.all_tasks(None)))
asyncio.run(main())
