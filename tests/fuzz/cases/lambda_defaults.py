def f(a=lambda b=lambda c=lambda: 1: c(): b(), *, k=lambda **kw: kw):
    return a(), k(x=1)
print(f())
