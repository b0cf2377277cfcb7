# tg exception group split subgroup.
import asyncio

async def fail(n, exc):
    await asyncio.sleep(n)
    raise exc

async def fail_on_cancel(exc):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1, KeyError("k")))
            tg.create_task(fail_on_cancel(ValueError("v")))
            tg.create_task(fail(0.3, TypeError("t")))
    except ExceptionGroup as eg:
        print(str(eg))
        print(sorted(type(e).__name__ for e in eg.exceptions))
        kv, rest = eg.split((KeyError, ValueError))
        print(kv is not None, rest)
        sub = eg.subgroup(lambda e: isinstance(e, LookupError))
        print(sub.message, [type(e).__name__ for e in sub.exceptions] if sub else None)
        print(eg.derive([RuntimeError("x")]))
    try:
        raise ExceptionGroup("two", [ValueError(1), ExceptionGroup("inner", [KeyError(2)])])
    except* KeyError as e:
        print("got keyerror part", repr(e))
    except* ValueError as e:
        print("got valueerror part", repr(e))

asyncio.run(main())
