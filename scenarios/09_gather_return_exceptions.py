"""gather(return_exceptions=True): every outcome, in order

What to watch for: without the flag, gather hands main the first exception as
soon as it happens and the other results are lost to main (the checks keep
running regardless). With return_exceptions=True gather waits for every task
and returns a list in argument order, where a failure is the exception object
itself; main then sorts successes from failures.
"""
import asyncio


async def check(host, seconds, error=None):
    await asyncio.sleep(seconds)
    if error is not None:
        raise error(host)
    return f"{host} ok"


def checks():
    return [check("alpha", 0.3), check("beta", 0.1, ConnectionError),
            check("gamma", 0.5), check("delta", 0.2, TimeoutError)]


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.gather(*checks())
    except Exception as exc:
        print(f"{loop.time():.2f}  plain gather raised {exc!r}")
    await asyncio.sleep(0.5)            # let the abandoned checks run out

    outcomes = await asyncio.gather(*checks(), return_exceptions=True)
    print(f"{loop.time():.2f}  gather(return_exceptions=True) returned:")
    for outcome in outcomes:
        if isinstance(outcome, Exception):
            print(f"  failed:    {type(outcome).__name__}({outcome})")
        else:
            print(f"  succeeded: {outcome}")


asyncio.run(main())
