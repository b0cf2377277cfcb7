# Done callbacks run in registration order, one iteration after the task finishes,
# before the awaiting task resumes; a callback added to a done task is scheduled too.
import asyncio

async def job():
    await asyncio.sleep(0.2)
    return "result"

async def main():
    t = asyncio.create_task(job())
    for i in range(3):
        t.add_done_callback(lambda task, i=i: print(f"callback {i}: {task.result()}"))
    def removed(task):
        print("never printed")
    t.add_done_callback(removed)
    print("removed:", t.remove_done_callback(removed))
    print("awaited:", await t)
    t.add_done_callback(lambda task: print("late callback on a done task"))
    print("main right after adding the late callback")
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())
