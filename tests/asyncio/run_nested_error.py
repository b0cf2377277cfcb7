# asyncio.run inside a running loop is refused; the coroutine is never awaited.
import asyncio

async def inner():
    return 1

async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "main ok"

print(asyncio.run(main()))
