"""Sequential awaits vs gather.

Watch: three 1-second downloads take 3 s one after another, 1 s together.
"""
import asyncio

async def download(name):
    await asyncio.sleep(1)
    return f"{name}.html"

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    pages = [await download(n) for n in ("a", "b", "c")]
    print(f"sequential: {pages} in {loop.time() - t0:.2f} s")
    t0 = loop.time()
    pages = await asyncio.gather(*(download(n) for n in ("a", "b", "c")))
    print(f"gather:     {pages} in {loop.time() - t0:.2f} s")

asyncio.run(main())
