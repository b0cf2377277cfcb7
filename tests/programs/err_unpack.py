# Unpacking errors and their messages.
def attempt(label, fn):
    try:
        fn()
    except Exception as exc:
        print(label, type(exc).__name__, exc)

def too_many():
    a, b = [1, 2, 3]

def too_few():
    a, b, c = (1, 2)

def star_too_few():
    a, b, *c = [1]

def not_iterable():
    a, b = 5

def none_iter():
    x, y = None

attempt("too many:", too_many)
attempt("too few:", too_few)
attempt("star too few:", star_too_few)
attempt("not iterable:", not_iterable)
attempt("none:", none_iter)
a, b = "ab"
print(a, b)
a, b = [1, 2, 3]
