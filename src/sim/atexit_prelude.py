# atexit for loopscope: register, unregister, _run_exitfuncs, _clear,
# _ncallbacks, as CPython 3.12's: the functions run last first when the
# program ends (after the threads that are not daemons are joined), and an
# exception in one is reported, not raised. Written for loopscope
# (stdlib.c runs this into the module "atexit" when a program first
# imports it, and sim_stdlib_at_exit calls _run_exitfuncs at the end).

import sys

_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    _callbacks[:] = [cb for cb in _callbacks if not cb[0] == func]


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            sys.stderr.write(f'Exception ignored in atexit callback: {func!r}\n')
            _import('traceback').print_exception(exc)
