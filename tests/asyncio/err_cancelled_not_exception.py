# err cancelled not exception.
import asyncio

async def victim():
    try:
        await asyncio.sleep(5)
    except Exception as e:
        print("except Exception caught it?", type(e).__name__)
    return "finished normally"

async def main():
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.InvalidStateError, Exception))
    print(asyncio.CancelledError.__mro__)
    print(asyncio.CancelledError.__module__)
    print(asyncio.QueueEmpty.__mro__, asyncio.QueueFull.__module__)
    print(asyncio.InvalidStateError.__module__, asyncio.InvalidStateError.__mro__)
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        print(await t)
    except asyncio.CancelledError:
        print("CancelledError passed through `except Exception`")
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("TypeError:", e)
    eg = ExceptionGroup("batch", [ValueError(1), TypeError(2)])
    print(repr(eg), eg.exceptions)

asyncio.run(main())
