# Tasks cancelled by the shutdown of asyncio.run, then of asyncio.Runner,
# after main raised: their CancelledError chains to main's exception, and a
# cleanup that fails is reported with the whole chain.
import asyncio

async def bg():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("context of CancelledError:", repr(e.__context__))
        raise

async def bg2():
    try:
        await asyncio.sleep(10)
    finally:
        raise ValueError("cleanup failed")

async def main():
    asyncio.create_task(bg())
    asyncio.create_task(bg2())
    await asyncio.sleep(0)
    raise KeyError("main crashed")

try:
    asyncio.run(main())
except KeyError as e:
    print("run raised KeyError", repr(e.__context__))

# The same through asyncio.Runner: its __exit__ shuts the loop down while
# the exception from main is being handled.
try:
    with asyncio.Runner() as runner:
        runner.run(main())
except KeyError as e:
    print("Runner raised KeyError", repr(e.__context__))
