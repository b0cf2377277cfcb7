# Awaiting something that is not awaitable.
import asyncio

async def main():
    try:
        await 42
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.sleep
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
