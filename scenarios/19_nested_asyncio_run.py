"""asyncio.run inside a running loop

What to watch for: a synchronous helper that calls asyncio.run works from plain
code, but called from a coroutine it fails: the thread already has a running
loop, and asyncio.run refuses to start a second one with a RuntimeError. The
coroutine handed to it was never started, so Python also warns that it was
never awaited. Inside async code, await the coroutine instead.
"""
import asyncio


async def load_settings():
    await asyncio.sleep(0.1)
    return {"retries": 3}


def settings_sync():
    return asyncio.run(load_settings())  # fine only where no loop is running


async def main():
    try:
        settings = settings_sync()
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    settings = await load_settings()    # the async way
    print("inside the loop:", settings)


print("outside any loop:", settings_sync())
asyncio.run(main())
