# An exception escaping main ends the program with a traceback and status 1.
import asyncio

async def step3():
    await asyncio.sleep(0.1)
    raise KeyError("missing")

async def step2():
    await step3()

async def main():
    print("starting")
    await step2()

asyncio.run(main())
print("never printed")
