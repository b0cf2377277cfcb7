import asyncio
async def level3():
    raise ValueError("deep problem")
async def level2():
    try:
        await level3()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
async def main():
    t = asyncio.create_task(level2())
    await asyncio.sleep(0)
    try:
        await t
    except RuntimeError as e:
        print("caught", e, "cause:", repr(e.__cause__))
    print(t.exception())
    await level2()
asyncio.run(main())
