# run sysexit reraised.
import asyncio
import sys

async def worker():
    try:
        await asyncio.sleep(5)
    finally:
        print("worker cleanup", f"{asyncio.get_running_loop().time():.2f}")

async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("exiting with 3")
    sys.exit(3)

try:
    asyncio.run(main())
except SystemExit as e:
    print("SystemExit caught", e.code)
    raise
