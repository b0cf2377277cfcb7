import asyncio


async def sensor(name):
    n = 0
    try:
        while True:
            await asyncio.sleep(0.1)
            n += 1
            yield f"{name}:{n}"
    finally:
        print(f"{name} closed after {n} readings")


async def main():
    readings = []
    try:
        async with asyncio.timeout(0.35):
            async for r in sensor("temp"):
                readings.append(r)
    except TimeoutError:
        print("timeout, got", readings)
    gen = sensor("hum")
    print(await gen.__anext__())
    try:
        await gen.athrow(ValueError("bad reading"))
    except ValueError as e:
        print("athrow raised", e)
    print(await gen.asend(None) if False else "done")


asyncio.run(main())
