# await inside a plain (not async) function.
import asyncio

def main():
    await asyncio.sleep(1)

main()
