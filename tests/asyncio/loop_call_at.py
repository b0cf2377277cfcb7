# call_at takes an absolute loop time; a deadline in the past runs on the next iteration.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    t = loop.time()
    print(f"now {t:.2f}")
    fired = []
    def fire(label):
        fired.append(label)
        print(f"{loop.time():.2f} {label}")
    loop.call_at(t + 0.5, fire, "at +0.5")
    loop.call_at(t - 10, fire, "at -10 (past)")
    loop.call_at(t + 0.25, fire, "at +0.25")
    h = loop.call_at(t + 0.4, fire, "cancelled")
    print(f"handle when: +{h.when() - t:.2f}")
    h.cancel()
    print("cancelled:", h.cancelled())
    await asyncio.sleep(1)
    print("fired:", fired)

asyncio.run(main())
