import asyncio, concurrent.futures, time
def square(x):
    time.sleep(0.1)
    return x * x
def main_sync():
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(5))))
        futs = [ex.submit(square, i) for i in range(3)]
        for f in concurrent.futures.as_completed(futs):
            print("done", f.result())
    print(f"{time.monotonic():.2f}")
main_sync()
