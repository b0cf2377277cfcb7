# contextvars: ContextVar, Token and Context, with CPython's messages
import contextvars
v = contextvars.ContextVar('v')
w = contextvars.ContextVar('w', default=5)
print(repr(v).split(" at ")[0], repr(w).split(" at ")[0], w.name, w.get())
t = v.set(1)
print(t.var is v, t.old_value is contextvars.Token.MISSING, repr(t).split(" at ")[0], t.old_value)
ctx = contextvars.copy_context()
print(ctx[v], v in ctx, len(ctx), list(ctx.keys()) == [v])
v.set(2)
print(v.get(), ctx[v], ctx.get(v), ctx.get(w, 'd'))
def f(a, b=0):
    v.set(a + b)
    return v.get()
print(ctx.run(f, 10, b=1), ctx[v], v.get())
try:
    ctx.run(ctx.run, f, 1)
except RuntimeError as e:
    print(e.__class__.__name__, str(e).split(' object at ')[0])
v.reset(t)
try:
    v.get()
except LookupError as e:
    print('LookupError', repr(e).split(' at ')[0])
try:
    v.reset(t)
except RuntimeError as e:
    print(e.__class__.__name__, str(e)[:14], str(e)[-25:])
print(v.get('dflt'), v.get(None))
t2 = ctx.run(v.set, 99)
try:
    v.reset(t2)
except ValueError as e:
    print('ValueError', str(e)[-33:])
c2 = contextvars.Context()
print(len(c2), list(c2.items()), sorted(ctx.values()))
try:
    contextvars.Token()
except RuntimeError as e:
    print(e)
print(type(ctx).__name__, type(v).__name__, type(t).__name__)
print(bool(contextvars.Context()), bool(ctx), [x is v for x in ctx])
try:
    ctx[w]
except KeyError as e:
    print('KeyError', repr(e).split(' at ')[0])
try:
    contextvars.ContextVar(5)
except TypeError as e:
    print(e)
