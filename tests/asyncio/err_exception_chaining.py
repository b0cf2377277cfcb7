# Exceptions raised while handling another one in a task keep their context.
import asyncio

async def load():
    await asyncio.sleep(0.1)
    try:
        {}["key"]
    except KeyError as e:
        raise LookupError("config incomplete") from e

async def main():
    try:
        await load()
    except LookupError as e:
        print(repr(e), "caused by", repr(e.__cause__))
    await load()

asyncio.run(main())
