# Three chained exceptions: context, then an explicit cause, in one traceback.
def step_one():
    return [1, 2, 3][10]

def step_two():
    try:
        step_one()
    except IndexError:
        {}["key"]

def step_three():
    try:
        step_two()
    except KeyError as exc:
        raise RuntimeError("step three failed") from exc

step_three()
