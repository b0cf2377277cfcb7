# atexit: functions run last first after the program, a failing one reported.
import atexit
import asyncio


def goodbye(name, punct="!"):
    print(f"goodbye {name}{punct}")


class Reporter:
    def __repr__(self):
        return "<Reporter>"

    def __call__(self):
        raise RuntimeError("report failed")


atexit.register(goodbye, "first")
atexit.register(goodbye, "second", punct="?")
atexit.register(Reporter())


@atexit.register
def last_registered():
    print("runs first")


def removed():
    print("never")


atexit.register(removed)
atexit.unregister(removed)
print(callable(atexit.register))


async def main():
    await asyncio.sleep(1)
    print("main done")

asyncio.run(main())
print("end of program")
