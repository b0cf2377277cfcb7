# If the shielded task itself is cancelled, the shield's awaiter sees CancelledError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(5))
    loop.call_later(1, t.cancel)
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} CancelledError through the shield; main cancelling() =",
              asyncio.current_task().cancelling())

asyncio.run(main())
