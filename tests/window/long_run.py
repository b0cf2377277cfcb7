"""A scenario that takes long to simulate: two tasks crunching numbers.

Billions of instructions (it stops at the --max-steps limit after about
2e9, many seconds of simulation), with a few events every thousand
iterations, so the window's progress figures keep moving.
"""
import asyncio


async def crunch(name):
    total = 0
    for k in range(100_000_000):
        total += k % 7
        if k % 1000 == 0:
            await asyncio.sleep(0)
    print(name, total)


async def main():
    await asyncio.gather(crunch("a"), crunch("b"))


asyncio.run(main())
