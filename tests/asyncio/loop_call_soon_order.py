# call_soon callbacks run FIFO, one batch per iteration; callbacks queued while a
# batch runs wait for the next iteration.
import asyncio

def cb(loop, name, again=None):
    print(f"{loop.time():.2f} {name}")
    if again:
        loop.call_soon(cb, loop, again)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, loop, "first", "queued by first")
    loop.call_soon(cb, loop, "second", "queued by second")
    loop.call_soon(cb, loop, "third")
    print("main scheduled three callbacks")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

asyncio.run(main())
