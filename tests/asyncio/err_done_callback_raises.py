# err done callback raises.
import asyncio

async def job():
    await asyncio.sleep(0.1)
    return 1

def bad_cb(fut):
    raise RuntimeError("callback failed")

def good_cb(fut):
    print("good_cb sees", fut.result())

async def main():
    t = asyncio.create_task(job(), name="cbjob")
    t.add_done_callback(bad_cb)
    t.add_done_callback(good_cb)
    print(await t)
    await asyncio.sleep(0.1)
    print("end")

asyncio.run(main())
