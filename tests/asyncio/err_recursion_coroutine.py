# err recursion coroutine.
import asyncio

async def down(n):
    if n == 0:
        return 0
    return 1 + await down(n - 1)

async def main():
    print(await down(200))
    try:
        await down(5000)
    except RecursionError as e:
        print("RecursionError:", str(e)[:40])

asyncio.run(main())
