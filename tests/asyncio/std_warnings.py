# warnings.warn as CPython prints it: FILE:LINE: Category: message and the
# source line, once per place by default; DeprecationWarning shown only
# where __main__ triggers it; filters, catch_warnings, showwarning.
import asyncio
import warnings


def old_api():
    warnings.warn("old_api is deprecated, use new_api", DeprecationWarning, stacklevel=2)
    return 1


def helper():
    warnings.warn("careful")


class SlowCallbackWarning(UserWarning):
    pass


async def job(i):
    await asyncio.sleep(0.1)
    if i % 2:
        warnings.warn(f"job {i} is slow", SlowCallbackWarning)
    helper()
    return old_api()


async def main():
    print(await asyncio.gather(*(job(i) for i in range(4))))


for i in range(3):
    helper()
    old_api()
warnings.warn(SlowCallbackWarning("an instance"))
warnings.warn("runtime", RuntimeWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("future", FutureWarning, stacklevel=1)
warnings.warn("too deep", stacklevel=10)
asyncio.run(main())
print("after defaults")
warnings.simplefilter("ignore", UserWarning)
helper()
warnings.warn("still shown", RuntimeWarning)
warnings.simplefilter("always")
for i in range(2):
    helper()
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="noisy")
warnings.warn("noisy thing")
warnings.warn("quiet thing")
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("only once")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", DeprecationWarning)
    old_api()
print(len(caught), [str(w.message) for w in caught], caught[0].category, caught[1].lineno, caught[0].filename, caught[0].line)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("caught", repr(e))


def show(message, category, filename, lineno, file=None, line=None):
    print("SHOW:", message, category.__name__, filename, lineno, repr(line))


saved = warnings.showwarning
warnings.showwarning = show
warnings.warn("via showwarning")
warnings.showwarning = saved
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "  x = 1  "), end="")
try:
    warnings.warn("bad", int)
except TypeError as e:
    print(e)
warnings.simplefilter("error")
old_api()
