# gather second failure silent.
import asyncio

async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"fail {n}")

async def main():
    try:
        await asyncio.gather(fail(0.1), fail(0.3))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.5)
    print("second failure was swallowed silently")

asyncio.run(main())
