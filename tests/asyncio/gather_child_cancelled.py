# A child that is cancelled (not the gather) makes gather raise CancelledError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(asyncio.sleep(1, "a"))
    b = asyncio.create_task(asyncio.sleep(3, "b"))
    loop.call_later(2, b.cancel)
    try:
        print(await asyncio.gather(a, b))
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} gather raised CancelledError; a =", a.result(),
              "b.cancelled() =", b.cancelled())

asyncio.run(main())
