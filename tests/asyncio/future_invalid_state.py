# InvalidStateError texts (C accelerator) and result() on a pending future.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("pending result():", e)
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print("pending exception():", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("set_result twice:", e)
    try:
        fut.set_exception(ValueError())
    except asyncio.InvalidStateError as e:
        print("set_exception after result:", e)
    print("cancel a done future:", fut.cancel())
    f2 = loop.create_future()
    try:
        f2.set_exception(StopIteration)
    except TypeError as e:
        print("TypeError:", e)
    f2.cancel()

asyncio.run(main())
