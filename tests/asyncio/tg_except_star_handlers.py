import asyncio


class ValidationError(Exception):
    pass


async def check(i):
    await asyncio.sleep(0.01 * i)
    if i % 3 == 0:
        raise ValidationError(f"item {i} invalid")
    if i == 4:
        raise KeyError(i)
    return i


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(1, 7):
                tg.create_task(check(i))
    except* ValidationError as eg:
        print("validation:", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("keys:", eg.exceptions, eg.message)
    try:
        try:
            raise ExceptionGroup("batch", [ValueError(1), TypeError(2), ValueError(3)])
        except* ValueError as eg:
            print("handled", len(eg.exceptions), "ValueErrors")
    except ExceptionGroup as rest:
        print("rest:", repr(rest))
    eg = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
    match, rest = eg.split(TypeError)
    print(repr(match))
    print(repr(rest))
    print(eg.subgroup(lambda e: isinstance(e, ValueError)))


asyncio.run(main())
