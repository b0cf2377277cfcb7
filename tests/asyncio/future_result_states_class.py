import asyncio
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    future: asyncio.Future

    def describe(self):
        f = self.future
        if not f.done():
            return f"{self.name}: pending"
        if f.cancelled():
            return f"{self.name}: cancelled"
        if f.exception() is not None:
            return f"{self.name}: failed with {f.exception()!r}"
        return f"{self.name}: {f.result()!r}"


async def main():
    loop = asyncio.get_running_loop()
    jobs = [Job(n, loop.create_future()) for n in "abcd"]
    jobs[0].future.set_result({"rows": 3})
    jobs[1].future.set_exception(TimeoutError("db timed out"))
    jobs[2].future.cancel(msg="not needed")
    for j in jobs:
        print(j.describe())
    for j in jobs:
        print(j.future)
    try:
        jobs[2].future.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    try:
        jobs[3].future.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        jobs[0].future.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    print(jobs[0])


asyncio.run(main())
