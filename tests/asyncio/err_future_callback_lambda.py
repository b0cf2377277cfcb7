# err future callback lambda.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("result is", f.result()))
    fut.add_done_callback(lambda f: f.result()["key"])
    fut.set_result({})
    await asyncio.sleep(0.1)
    print("done")

asyncio.run(main())
