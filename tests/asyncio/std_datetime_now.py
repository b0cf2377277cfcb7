# datetime.now() and friends read the virtual clock (time.time()'s epoch,
# UTC): timestamps in log lines, elapsed times, deadlines.
import asyncio
import time
from datetime import datetime, timedelta, timezone, date


def log(msg):
    print(f"[{datetime.now():%H:%M:%S}] {msg}")


async def worker(name, delay):
    log(f"{name} starts")
    await asyncio.sleep(delay)
    log(f"{name} done after {delay}s")
    return name


async def main():
    start = datetime.now()
    log("main starts")
    print(date.today(), repr(date.today()), datetime.now().strftime("%Y-%m-%d %A %H:%M"))
    results = await asyncio.gather(worker("a", 1.5), worker("b", 3), worker("c", 65))
    elapsed = datetime.now() - start
    whole = elapsed - timedelta(microseconds=elapsed.microseconds)
    print(results, whole, round(elapsed.total_seconds(), 2), elapsed > timedelta(minutes=1))
    deadline = datetime.now() + timedelta(seconds=30)
    while datetime.now() < deadline:
        await asyncio.sleep(10)
    log(f"deadline passed: {deadline:%H:%M:%S}")
    aware = datetime.now(timezone.utc)
    print(aware.strftime("%H:%M:%S %Z %z"), aware.tzinfo, datetime.now(timezone(timedelta(hours=-5))).strftime("%H:%M %z"))
    print(datetime.fromtimestamp(time.time()).strftime("%H:%M:%S"), datetime.today().strftime("%d/%m/%y"))
    ts = datetime.now().timestamp()
    print(f"{ts:.2f}", f"{time.time():.2f}", datetime.fromtimestamp(ts).isoformat(timespec="seconds"))
    time.sleep(2)
    log("after a blocking sleep of 2s")


asyncio.run(main())
