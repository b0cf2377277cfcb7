# An async generator cannot return a value (the yield below makes it one).
async def numbers():
    return [1, 2]
    yield 0
