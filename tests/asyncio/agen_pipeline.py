import asyncio
async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
async def squares(src):
    async for x in src:
        yield x * x
async def main():
    out = [y async for y in squares(numbers(5)) if y % 2 == 0]
    print(out, f"{asyncio.get_running_loop().time():.2f}")
    agen = numbers(10)
    async for v in agen:
        if v == 2:
            break
    await agen.aclose()
    print("closed", v)
asyncio.run(main())
