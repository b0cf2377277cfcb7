"""CPU-bound work: a starved loop, run_in_executor, and the GIL

What to watch for: crunch() never awaits, so called inside a coroutine it holds
the loop thread to the end; the heartbeat's timer comes due meanwhile, but sits
in the heap until crunch returns. Given to run_in_executor, the same function
runs on a worker thread and the loop goes on beating. Two crunches on two
workers are no faster than one after the other: the GIL lets one thread at a
time run Python code, and the timeline shows the workers taking turns.
"""
import asyncio
import threading

# This lesson prints the order of events, not durations. Under CPython on a
# virtual clock computation is free, so timings would all read 0.00. In
# loopscope, run it with a CPU cost (e.g. --cpu-cost 50): the timeline then
# shows the loop blocked for the inline crunch (beat 1 late), the loop free
# while a worker computes, and the two workers alternating on the GIL every
# 5 ms, so the pair takes as long as two crunches in a row. Real parallelism
# for CPU work needs processes (ProcessPoolExecutor), not threads.


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total, threading.current_thread().name


async def heartbeat(beats):
    for i in range(beats):
        await asyncio.sleep(0.05)
        print(f"  beat {i + 1}")


async def main():
    loop = asyncio.get_running_loop()
    print("1. crunch inline, in the loop thread")
    beating = asyncio.create_task(heartbeat(2))
    await asyncio.sleep(0)              # the heartbeat arms its first timer
    print("  crunch starts")
    total, where = crunch(60_000)       # no await inside: nothing else can run
    print(f"  crunch ends in {where}: {total}")
    await beating

    print("2. crunch in the default executor")
    _, (total, where) = await asyncio.gather(
        heartbeat(2), loop.run_in_executor(None, crunch, 60_000))
    print(f"  crunch ran in {where}: {total}")

    print("3. two crunches on two worker threads")
    results = await asyncio.gather(
        loop.run_in_executor(None, crunch, 60_000),
        loop.run_in_executor(None, crunch, 60_000))
    print("  totals:", [total for total, _ in results])


asyncio.run(main())
