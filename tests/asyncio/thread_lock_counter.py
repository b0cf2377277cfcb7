import asyncio, threading, time
counter = 0
lock = threading.Lock()
def work(n):
    global counter
    for i in range(3):
        with lock:
            counter += 1
        time.sleep(0.1 * n)
    return f"{threading.current_thread().name} done {n}"
async def main():
    loop = asyncio.get_running_loop()
    rs = await asyncio.gather(*(asyncio.to_thread(work, n) for n in (1, 2, 3)))
    print(rs, counter, f"{loop.time():.2f}")
asyncio.run(main())
