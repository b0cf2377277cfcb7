# A task cancelled before its first step never runs its body.
import asyncio

async def body():
    print("never printed")

async def main():
    t = asyncio.create_task(body())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before starting:", t.cancelled())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises CancelledError", e.args)
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError too")

asyncio.run(main())
