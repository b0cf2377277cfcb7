# A done callback that raises is reported by the loop's exception handler.
import asyncio

def bad_callback(fut):
    raise RuntimeError("callback exploded")

async def main():
    t = asyncio.create_task(asyncio.sleep(0.1, "ok"))
    t.add_done_callback(bad_callback)
    print("result:", await t)
    await asyncio.sleep(0)
    print("main continues")

asyncio.run(main())
