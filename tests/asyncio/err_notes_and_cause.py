# err notes and cause.
import asyncio

async def parse(s):
    await asyncio.sleep(0.1)
    try:
        return int(s)
    except ValueError as e:
        e.add_note(f"while parsing {s!r}")
        raise RuntimeError("parse failed") from e

async def main():
    results = await asyncio.gather(parse("1"), parse("x"), return_exceptions=True)
    for r in results:
        print(repr(r), repr(getattr(r, "__cause__", None)))
        if isinstance(r, Exception):
            print(getattr(r.__cause__, "__notes__", None))
    await parse("y")

asyncio.run(main())
