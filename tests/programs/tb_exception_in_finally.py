# An exception raised in a finally block while another propagates:
# the first becomes the __context__ of the second.
def close_files(names):
    raise OSError("disk unplugged while closing " + ", ".join(names))

def process():
    try:
        data = [1, 2, 3]
        return data[7]
    finally:
        print("cleaning up")
        close_files(["a.txt", "b.txt"])

process()
