# err invalid state escapes.
import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    print("asking for a result too early")
    return fut.result()

asyncio.run(main())
