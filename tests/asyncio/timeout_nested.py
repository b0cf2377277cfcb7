# Nested timeouts: the inner (earlier) deadline fires first and only the inner block
# raises TimeoutError; the outer one is still active.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(3) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(10)
            except TimeoutError:
                print(f"{loop.time():.2f} inner timed out; inner expired =", inner.expired(),
                      "outer expired =", outer.expired())
            await asyncio.sleep(10)
    except TimeoutError:
        print(f"{loop.time():.2f} outer timed out; outer expired =", outer.expired())

asyncio.run(main())
