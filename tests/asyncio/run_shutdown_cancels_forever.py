# run shutdown cancels forever.
import asyncio

async def forever(name):
    try:
        while True:
            await asyncio.sleep(0.3)
            print(name, "alive")
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run")
        raise
    finally:
        print(name, "finally")

async def main():
    asyncio.create_task(forever("bg"))
    await asyncio.sleep(1)
    print("main returns")
    return 5

print(asyncio.run(main()))
