# traceback: print_exc, format_exc, print_exception (one- and three-argument forms,
# tb None, limit, chain, file), format_exception, format_exception_only (notes),
# format_tb/print_tb, chains, recursion, exception groups, asyncio tasks,
# TaskGroup and timeouts. The tracebacks go to stderr (their paths are normalised).
import sys
import traceback

def inner(n):
    return 10 // n

def outer(n):
    return inner(n) + 1

try:
    outer(0)
except ZeroDivisionError:
    traceback.print_exc()
    text = traceback.format_exc()
    print(text.splitlines()[-1])
    print(len(text.splitlines()))

try:
    outer(0)
except ZeroDivisionError as e:
    lines = traceback.format_exception(e)
    print(len(lines), repr(lines[0]), repr(lines[-1]))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    traceback.print_exception(e)
    traceback.print_exception(type(e), e, e.__traceback__)
    traceback.print_exception(type(e), e, None)
    traceback.print_exception(e, limit=1)
    traceback.print_exception(e, limit=-1)
    print(len(traceback.format_tb(e.__traceback__)))
    traceback.print_tb(e.__traceback__)
    traceback.print_tb(e.__traceback__.tb_next)
    print(traceback.format_exception(e, chain=False) == lines)

def fails():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e

try:
    fails()
except RuntimeError:
    traceback.print_exc()
    traceback.print_exc(chain=False)
    print(len(traceback.format_exc().splitlines()))

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    e.add_note("a note")
    e.add_note("another")
    print(traceback.format_exception_only(e))
    print("".join(traceback.format_exception(e)), end="", file=sys.stderr)

print(repr(traceback.format_exc()))
traceback.print_exc()
print(traceback.format_exception_only(None))

def rec(n):
    return rec(n + 1) if n < 30 else 1 / 0
try:
    rec(0)
except ZeroDivisionError:
    traceback.print_exc()

try:
    raise ExceptionGroup("many", [ValueError("a"), KeyError("b")])
except ExceptionGroup as e:
    traceback.print_exc()
    print(len(traceback.format_exception(e)))

print(traceback.format_exception_only(ValueError("no tb")))
print(traceback.format_exception(ValueError("no tb")))
traceback.print_exception(KeyError("x"), file=sys.stdout)

import asyncio

async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)

async def slow():
    await asyncio.sleep(5)

async def amain():
    task = asyncio.create_task(parse("x"))
    try:
        await task
    except ValueError:
        traceback.print_exc()
        print(traceback.format_exc().splitlines()[-1])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(parse("a"))
            tg.create_task(parse("b"))
    except* ValueError as eg:
        traceback.print_exception(eg)
        print(len(eg.exceptions))
    try:
        async with asyncio.timeout(0.5):
            await slow()
    except TimeoutError:
        traceback.print_exc()
    try:
        await asyncio.wait_for(slow(), 0.2)
    except TimeoutError as e:
        traceback.print_exception(e)
        print(traceback.format_exception_only(e))

asyncio.run(amain())
