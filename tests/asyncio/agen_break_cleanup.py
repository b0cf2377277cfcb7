# agen break cleanup.
import asyncio

async def stream():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("stream cleanup")

async def main():
    s = stream()
    async for x in s:
        if x == 2:
            break
    print("broke out at", x)
    await asyncio.sleep(0.5)
    print("main end")

asyncio.run(main())
print("after run")
