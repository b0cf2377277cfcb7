# create_task needs a coroutine.
import asyncio

def plain():
    return 1

async def main():
    try:
        asyncio.create_task(plain())
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(plain)
    except TypeError as e:
        print("TypeError:", str(e).split(" at 0x")[0])

asyncio.run(main())
