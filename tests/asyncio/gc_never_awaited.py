# Calling a coroutine function without awaiting it: RuntimeWarning when the
# coroutine object is freed; once per line with the default filter.
import asyncio

async def fetch():
    return 1

async def main():
    fetch()
    for _ in range(3):
        fetch()
    print("main continues")
    r = await fetch()
    print("awaited properly:", r)

asyncio.run(main())
