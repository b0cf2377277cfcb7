# aclose() on a generator that yields from its finally block.
async def stubborn():
    try:
        yield 1
    finally:
        print("finally yields again")
        yield 2


async def main():
    g = stubborn()
    print(await g.__anext__())
    await g.aclose()

main().send(None)
