# One failing task cancels its siblings and the body; the error comes out as an
# ExceptionGroup.
import asyncio

async def worker(name, d, exc=None):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled")
        raise
    if exc:
        print(f"{asyncio.get_running_loop().time():.2f} {name} raises {exc!r}")
        raise exc
    print(f"{asyncio.get_running_loop().time():.2f} {name} ok")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("w1", 1))
            tg.create_task(worker("w2", 2, ValueError("boom")))
            tg.create_task(worker("w3", 5))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("body cancelled by the group; cancelling() =",
                      asyncio.current_task().cancelling())
                raise
    except* ValueError as eg:
        print(repr(str(eg)), eg.exceptions, "| cancelling() =",
              asyncio.current_task().cancelling())

asyncio.run(main())
