# An async generator left suspended is closed by asyncio.run's shutdown_asyncgens.
import asyncio

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print(f"agen finally in {asyncio.current_task().get_name()}")

g = None

async def main():
    global g
    g = agen()
    print("first item:", await g.__anext__())
    print("main returns")

asyncio.run(main())
print("after run")
