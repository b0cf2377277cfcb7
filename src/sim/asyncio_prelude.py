# The parts of loopscope's asyncio written in Python, on top of the C event
# loop, futures and tasks (src/sim/asyncio.c). Compiled by loopscope's own
# front end into the asyncio module when a program starts; its frames are
# left out of tracebacks. Written for loopscope; the behaviour follows
# CPython 3.12's asyncio.


async def sleep(delay, result=None):
    """Suspend the calling task for `delay` seconds of virtual time."""
    if delay <= 0:
        await _yield_once()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    timer = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        timer.cancel()
