# current_task() is the task running the current step; outside a loop it raises.
import asyncio

async def show(label):
    t = asyncio.current_task()
    print(label, "->", t.get_name())
    await asyncio.sleep(0)
    print(label, "after sleep ->", asyncio.current_task() is t)

async def main():
    await show("awaited coroutine runs in main")
    await asyncio.create_task(show("own task"), name="helper")
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("in a plain callback:", asyncio.current_task()))
    await asyncio.sleep(0)

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("outside:", e)
