import asyncio
import time


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}")


async def worker(name, delay):
    log(f"{name} starts")
    await asyncio.sleep(delay)
    log(f"{name} done after {delay}s")
    return name


async def main():
    loop = asyncio.get_running_loop()
    print(f"loop: {loop!r}")
    started = time.time()
    cpu = time.process_time()
    log("main starts")
    results = await asyncio.gather(worker("a", 2), worker("b", 1), worker("c", 3))
    log(f"results {results}")
    print(f"wall {time.time() - started:.1f}s, cpu {time.process_time() - cpu:.1f}s")
    print(time.ctime(), "|", time.asctime(time.localtime(started)))
    now = time.localtime()
    print(f"{now.tm_hour:02d}:{now.tm_min:02d}:{now.tm_sec:02d} day {now.tm_yday}")


asyncio.run(main())
