# run stdout stderr mix.
import asyncio
import sys

async def log(level, msg, d):
    await asyncio.sleep(d)
    stream = sys.stderr if level == "ERR" else sys.stdout
    print(f"[{level}] {msg}", file=stream)

async def main():
    await asyncio.gather(log("OUT", "one", 0.1), log("ERR", "two", 0.2), log("OUT", "three", 0.3))
    sys.stdout.write("written\n")
    sys.stderr.write("err written\n")
    print("a", "b", sep="-", end="!\n")

asyncio.run(main())
