# SystemExit raised inside main ends the program with that status.
import asyncio

async def main():
    await asyncio.sleep(0.1)
    print("exiting with status 3")
    raise SystemExit(3)

asyncio.run(main())
