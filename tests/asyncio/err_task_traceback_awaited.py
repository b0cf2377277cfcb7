# Awaiting a failed task re-raises its exception with the task's frames.
import asyncio

async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)

async def main():
    t = asyncio.create_task(parse("forty-two"))
    try:
        await t
    except ValueError:
        import traceback
        traceback.print_exc()
    print("main continues")

asyncio.run(main())
