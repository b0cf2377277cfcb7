# Handler inside handler: three exceptions chained implicitly.
def risky():
    try:
        raise ValueError("first problem")
    except ValueError:
        try:
            raise TypeError("second problem")
        except TypeError:
            raise KeyError("third problem")

risky()
