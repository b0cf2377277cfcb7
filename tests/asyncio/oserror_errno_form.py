# OSError's errno form: attributes, str, args, and the subclass its errno
# names; raised from a worker thread and caught in a task.
import asyncio
import errno

e = FileNotFoundError(2, "No such file or directory", "x.txt")
print(repr(e), e.args)
print(str(e))
print(e.errno, e.strerror, e.filename, e.filename2)
print(type(OSError(2, "x")).__name__, ConnectionRefusedError(111, "refused"))
for code in (1, 2, 13, 17, 32, 104, 110, 111, 999):
    err = OSError(code, "message")
    print(code, type(err).__name__, err)
plain = OSError("just a message")
print(repr(plain), plain.errno, plain.strerror, str(plain))
print(OSError(1, 2, 3, 4, 5, 6).args, OSError(1, 2, 3, 4, 5, 6).errno)
print(str(OSError(2, "No such file", "a", None, "b")))
print(isinstance(OSError(errno.ECONNRESET, "reset"), ConnectionError))
print(TimeoutError().errno, str(TimeoutError("slow")), repr(ConnectionError("down")))


class FetchError(OSError):
    def __init__(self, url, code):
        super().__init__(code, f"fetch failed for {url}")
        self.url = url


f = FetchError("http://x", 503)
print(f, f.errno, f.url, f.args)


def read_config(path):
    raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)


async def main():
    try:
        await asyncio.to_thread(read_config, "settings.toml")
    except OSError as err:
        print("caught:", type(err).__name__, err, "|", err.filename)
    try:
        raise ConnectionResetError(104, "Connection reset by peer")
    except ConnectionError as err:
        print("caught:", err, err.errno)
    raise OSError(2, "gone", "last.txt")


asyncio.run(main())
