# datetime.now() to the microsecond on the virtual clock: str, repr,
# isoformat, %f, and differences that are exact timedeltas.
import asyncio
from datetime import datetime, timezone, timedelta


async def tick(n):
    await asyncio.sleep(0.125 * n)
    return datetime.now()


async def main():
    t0 = datetime.now()
    print(t0, repr(t0), t0.isoformat())
    stamps = await asyncio.gather(*(tick(n) for n in range(1, 4)))
    for s in stamps:
        print(f"{s:%H:%M:%S.%f}", s - t0, repr(s - t0), (s - t0).total_seconds())
    await asyncio.sleep(0.0000015)
    t1 = datetime.now(timezone.utc)
    print(t1, repr(t1), t1.microsecond, t1.isoformat(timespec="milliseconds"))
    print(datetime.now() - t0 > timedelta(seconds=0.375))


asyncio.run(main())
