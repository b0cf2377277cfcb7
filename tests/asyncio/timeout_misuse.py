# Timeout misuse messages.
import asyncio

async def main():
    cm = asyncio.timeout(1)
    async with cm:
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    try:
        cm.reschedule(5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    fresh = asyncio.timeout(1)
    try:
        fresh.reschedule(5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(fresh)

asyncio.run(main())
