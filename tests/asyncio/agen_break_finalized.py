import asyncio
async def gen_numbers():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("generator finalised")
async def main():
    async for n in gen_numbers():
        print(n)
        if n == 2:
            break
    print("loop left")
    agen = gen_numbers()
    print(await anext(agen), await anext(agen))
    await agen.aclose()
    print(await anext(gen_numbers().__aiter__()))
asyncio.run(main())
print("done")
