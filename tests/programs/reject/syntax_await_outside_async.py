# await inside a plain (not async) function.
async def fetch():
    return 42

def main():
    value = await fetch()
    print(value)

main()
