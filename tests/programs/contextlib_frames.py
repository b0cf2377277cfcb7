# Tracebacks through contextlib show CPython's contextlib frames (the file
# under the library directory, its line and source): errors before and after a
# generator's yield, an exception converted by the generator, the
# RuntimeErrors, ExitStack and AsyncExitStack callbacks, enter_context,
# closing, suppress re-raising the rest of a group, decorated functions.
import asyncio
import contextlib
import traceback


def report(fn):
    try:
        fn()
    except BaseException:
        traceback.print_exc()


@contextlib.contextmanager
def fails_on_enter():
    raise KeyError("enter")
    yield


@contextlib.contextmanager
def fails_on_exit():
    yield
    raise KeyError("exit")


@contextlib.contextmanager
def converts():
    try:
        yield
    except KeyError:
        raise ValueError("converted")


@contextlib.contextmanager
def never_yields():
    return
    yield


@contextlib.contextmanager
def yields_twice():
    yield
    yield


@contextlib.contextmanager
def yields_after_throw():
    try:
        yield
    except KeyError:
        yield


@contextlib.contextmanager
def plain():
    yield


def boom():
    raise KeyError("callback")


class FailingExit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise KeyError("__exit__")


class FailingEnter:
    def __enter__(self):
        raise KeyError("__enter__")

    def __exit__(self, *exc):
        pass


class BadClose:
    def close(self):
        raise KeyError("close")


def case_enter():
    with fails_on_enter():
        pass


def case_exit():
    with fails_on_exit():
        pass


def case_convert():
    with converts():
        raise KeyError("body")


def case_no_yield():
    with never_yields():
        pass


def case_two_yields():
    with yields_twice():
        pass


def case_yield_after_throw():
    with yields_after_throw():
        raise KeyError("body")


def case_body():
    with plain():
        {}["body"]


def case_stack_callback():
    with contextlib.ExitStack() as stack:
        stack.callback(boom)


def case_stack_exit():
    with contextlib.ExitStack() as stack:
        stack.enter_context(FailingExit())


def case_stack_enter():
    with contextlib.ExitStack() as stack:
        stack.enter_context(FailingEnter())


def case_stack_close():
    stack = contextlib.ExitStack()
    stack.callback(boom)
    stack.close()


def case_closing():
    with contextlib.closing(BadClose()):
        pass


def case_suppress_rest():
    with contextlib.suppress(KeyError):
        raise ExceptionGroup("group", [KeyError(1), ValueError(2)])


@plain()
def decorated():
    raise KeyError("decorated")


for case in (case_enter, case_exit, case_convert, case_no_yield, case_two_yields,
             case_yield_after_throw, case_body, case_stack_callback, case_stack_exit,
             case_stack_enter, case_stack_close, case_closing, case_suppress_rest, decorated):
    print(case.__name__)
    report(case)


@contextlib.asynccontextmanager
async def afails_on_enter():
    await asyncio.sleep(0.1)
    raise KeyError("enter")
    yield


@contextlib.asynccontextmanager
async def afails_on_exit():
    yield
    await asyncio.sleep(0.1)
    raise KeyError("exit")


@contextlib.asynccontextmanager
async def aconverts():
    try:
        yield
    except KeyError:
        raise ValueError("converted")


@contextlib.asynccontextmanager
async def anever_yields():
    return
    yield


@contextlib.asynccontextmanager
async def ayields_twice():
    yield
    yield


@contextlib.asynccontextmanager
async def aplain():
    yield


async def aboom():
    await asyncio.sleep(0.1)
    raise KeyError("async callback")


class AFailingExit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise KeyError("__aexit__")


class BadAClose:
    async def aclose(self):
        raise KeyError("aclose")


async def acase_enter():
    async with afails_on_enter():
        pass


async def acase_exit():
    async with afails_on_exit():
        pass


async def acase_convert():
    async with aconverts():
        raise KeyError("body")


async def acase_no_yield():
    async with anever_yields():
        pass


async def acase_two_yields():
    async with ayields_twice():
        pass


async def acase_stack_callback():
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(aboom)


async def acase_stack_sync_callback():
    async with contextlib.AsyncExitStack() as stack:
        stack.callback(boom)


async def acase_stack_exit():
    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(AFailingExit())


async def acase_stack_aclose():
    stack = contextlib.AsyncExitStack()
    stack.push_async_callback(aboom)
    await stack.aclose()


async def acase_aclosing():
    async with contextlib.aclosing(BadAClose()):
        pass


@aplain()
async def adecorated():
    await asyncio.sleep(0.1)
    raise KeyError("decorated")


async def main():
    for case in (acase_enter, acase_exit, acase_convert, acase_no_yield, acase_two_yields,
                 acase_stack_callback, acase_stack_sync_callback, acase_stack_exit,
                 acase_stack_aclose, acase_aclosing, adecorated):
        print(case.__name__)
        try:
            await case()
        except BaseException:
            traceback.print_exc()
    # the last one is not caught: the report at exit
    async with afails_on_exit():
        print("uncaught")

asyncio.run(main())
