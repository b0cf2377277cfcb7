# contextlib for loopscope: the context managers of CPython 3.12's contextlib
# as its documentation describes them, written for loopscope (stdlib.c runs
# this into the module "contextlib"; its frames are hidden from tracebacks).
# _tb_len and _tb_cut are natives of stdlib.c: an exception thrown into a
# generator comes back with the generator's frames added, and contextlib
# gives it back its own traceback, as CPython does.
# A line marked with "#@", then contextlib.py:LINE FUNC | TEXT, does what that
# line of CPython's contextlib does, and tracebacks show that frame for it
# (see src/sim/stdframes.h); the frames of the other lines are not shown.
import sys


class AbstractContextManager:
    """An abstract base class for context managers."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    """An abstract base class for asynchronous context managers."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


def _copy_names(wrapper, wrapped):
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(wrapper, name, getattr(wrapped, name))
        except AttributeError:
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


class ContextDecorator:
    "A base class or mixin that enables context managers to work as decorators."

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():  #@ contextlib.py:80 inner | with self._recreate_cm():
                return func(*args, **kwds)  #@ contextlib.py:81 inner | return ^func(*args, **kwds)^
        return _copy_names(inner, func)


class AsyncContextDecorator:
    "A base class or mixin that enables async context managers to work as decorators."

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():  #@ contextlib.py:96 inner | async with self._recreate_cm():
                return await func(*args, **kwds)  #@ contextlib.py:97 inner | return ^await func(*args, **kwds)^
        return _copy_names(inner, func)


class _GeneratorContextManagerBase:
    """Shared functionality for @contextmanager and @asynccontextmanager."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)


def _thrown_back(err, value, frames, stops):
    # What __exit__ makes of err, raised by the generator after value was
    # thrown into it: True or False to return, None to let err go on. stops
    # are the generator's own end (StopIteration or StopAsyncIteration),
    # then what PEP 479 turns into a RuntimeError.
    if isinstance(err, stops[0]):
        # the generator swallowed the exception (or it was that end itself)
        return err is not value
    if err is value:
        _tb_cut(value, frames)
        return False
    if isinstance(err, RuntimeError) and isinstance(value, stops) and err.__cause__ is value:
        _tb_cut(value, frames)
        return False
    return None


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager, ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        # a generator context manager is good for one with statement only
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)  #@ contextlib.py:137 __enter__ | return ^next(self.gen)^
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None  #@ contextlib.py:139 __enter__ | raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)  #@ contextlib.py:144 __exit__ | next(self.gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")  #@ contextlib.py:149 __exit__ | raise RuntimeError("generator didn't stop")
            finally:
                self.gen.close()  #@ contextlib.py:151 __exit__ | self.gen.close()
        if value is None:
            value = typ()
        frames = _tb_len(value)
        try:
            self.gen.throw(value)  #@ contextlib.py:158 __exit__ | self.gen.throw(value)
        except BaseException as err:
            verdict = _thrown_back(err, value, frames, (StopIteration,))
            if verdict is None:
                raise
            return verdict
        try:
            raise RuntimeError("generator didn't stop after throw()")  #@ contextlib.py:194 __exit__ | raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()  #@ contextlib.py:196 __exit__ | self.gen.close()


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)  #@ contextlib.py:210 __aenter__ | return ^await anext(self.gen)^
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None  #@ contextlib.py:212 __aenter__ | raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)  #@ contextlib.py:217 __aexit__ | await anext(self.gen)
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")  #@ contextlib.py:222 __aexit__ | raise RuntimeError("generator didn't stop")
            finally:
                await self.gen.aclose()  #@ contextlib.py:224 __aexit__ | await self.gen.aclose()
        if value is None:
            value = typ()
        frames = _tb_len(value)
        try:
            await self.gen.athrow(value)  #@ contextlib.py:231 __aexit__ | await self.gen.athrow(value)
        except BaseException as err:
            verdict = _thrown_back(err, value, frames, (StopAsyncIteration, StopIteration))
            if verdict is None:
                raise
            return verdict
        try:
            raise RuntimeError("generator didn't stop after athrow()")  #@ contextlib.py:267 __aexit__ | raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await self.gen.aclose()  #@ contextlib.py:269 __aexit__ | await self.gen.aclose()


def contextmanager(func):
    """@contextmanager decorator: a generator function becomes a factory of
    context managers; the part before its yield is __enter__, the rest __exit__."""
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return _copy_names(helper, func)


def asynccontextmanager(func):
    """@asynccontextmanager decorator: the same for an async generator function."""
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return _copy_names(helper, func)


class closing(AbstractContextManager):
    """Context to automatically close something at the end of a block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()  #@ contextlib.py:360 __exit__ | self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Async context manager for safely finalizing an asynchronously
    cleaned-up resource such as an async generator, calling its aclose()."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()  #@ contextlib.py:386 __aexit__ | await self.thing.aclose()


class suppress(AbstractContextManager):
    """Context manager to suppress specified exceptions."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest  #@ contextlib.py:464 __exit__ | raise rest
        return False


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Context manager that does no additional processing."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class redirect_stdout(AbstractContextManager):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = 'stdout'

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


def _not_a_cm(cls, what):
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the {what} protocol")


class _BaseExitStack:
    """A base class for ExitStack and AsyncExitStack."""

    def __init__(self):
        self._exit_callbacks = []      # (is_sync, callback), called last first

    def pop_all(self):
        """Preserve the context stack by transferring it to a new instance."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Registers a callback with the standard __exit__ method signature,
        or the __exit__ method of a context manager (not entered)."""
        try:
            exit_method = type(exit).__exit__
        except AttributeError:
            self._exit_callbacks.append((True, exit))
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enters the supplied context manager; its __exit__ joins the stack."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise _not_a_cm(cls, "context manager") from None
        result = enter(cm)  #@ contextlib.py:526 enter_context | result = ^_enter(cm)^
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers an arbitrary callback and arguments (it cannot suppress exceptions)."""
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)  #@ contextlib.py:478 _exit_wrapper | callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        _exit_wrapper.__self__ = cm
        self._exit_callbacks.append((True, _exit_wrapper))


def _relink_context(new_exc, old_exc, frame_exc):
    # An exit callback that raised saw the exception the with statement
    # started handling as its context; it should see the one the callbacks
    # after it raised or were given (old_exc), as nested with statements would.
    while True:
        ctx = new_exc.__context__
        if ctx is None or ctx is old_exc:
            return
        if ctx is frame_exc:
            new_exc.__context__ = old_exc
            return
        new_exc = ctx


def _callback_failed(exc_details, frame_exc):
    # in the except clause around an exit callback: what it raised becomes
    # the exception the next callbacks see
    new_details = sys.exc_info()
    _relink_context(new_details[1], exc_details[1], frame_exc)
    return new_details


def _reraise(exc):
    # raises what a callback raised, keeping the context it was given
    ctx = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = ctx
        raise


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        frame_exc = sys.exception()
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):  #@ contextlib.py:595 __exit__ | if ^cb(*exc_details)^:
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
            except:
                exc_details = _callback_failed(exc_details, frame_exc)
                pending = True
        if pending:
            _reraise(exc_details[1])  #@ contextlib.py:610 __exit__ | raise exc_details[1]
        return received and suppressed

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)  #@ contextlib.py:618 close | self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async context manager for dynamic management of a stack of exit
    callbacks, synchronous and asynchronous."""

    async def enter_async_context(self, cm):
        """Enters the supplied async context manager; its __aexit__ joins the stack."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise _not_a_cm(cls, "asynchronous context manager") from None
        result = await enter(cm)  #@ contextlib.py:659 enter_async_context | result = ^await _enter(cm)^
        self._push_async_cm_exit(cm, exit)
        return result

    def push_async_exit(self, exit):
        """Registers a coroutine function with the standard __aexit__ method
        signature, or the __aexit__ method of an async context manager."""
        try:
            exit_method = type(exit).__aexit__
        except AttributeError:
            self._exit_callbacks.append((False, exit))
        else:
            self._push_async_cm_exit(exit, exit_method)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Registers an arbitrary coroutine function and arguments."""
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)  #@ contextlib.py:642 _exit_wrapper | await callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback

    async def aclose(self):
        """Immediately unwind the context stack."""
        await self.__aexit__(None, None, None)  #@ contextlib.py:696 aclose | await self.__aexit__(None, None, None)

    def _push_async_cm_exit(self, cm, cm_exit):
        async def _exit_wrapper(exc_type, exc, tb):
            return await cm_exit(cm, exc_type, exc, tb)
        _exit_wrapper.__self__ = cm
        self._exit_callbacks.append((False, _exit_wrapper))

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received = exc_details[0] is not None
        frame_exc = sys.exception()
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    result = cb(*exc_details)  #@ contextlib.py:735 __aexit__ | cb_suppress = ^cb(*exc_details)^
                else:
                    result = await cb(*exc_details)  #@ contextlib.py:737 __aexit__ | cb_suppress = ^await cb(*exc_details)^
                if result:
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
            except:
                exc_details = _callback_failed(exc_details, frame_exc)
                pending = True
        if pending:
            _reraise(exc_details[1])  #@ contextlib.py:754 __aexit__ | raise exc_details[1]
        return received and suppressed
