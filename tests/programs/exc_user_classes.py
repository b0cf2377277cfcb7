# User exception classes: custom __init__, __str__, attributes, hierarchies.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, resource, ident):
        super().__init__(resource, ident)
        self.resource = resource
        self.ident = ident
    def __str__(self):
        return f"{self.resource} #{self.ident} not found"

class Invalid(AppError):
    def __init__(self, field):
        self.field = field
    def __str__(self):
        return "invalid field: " + self.field

def fetch(kind):
    if kind == "user":
        raise NotFound("user", 42)
    if kind == "form":
        raise Invalid("email")
    raise AppError("generic", kind)

for kind in ("user", "form", "other"):
    try:
        fetch(kind)
    except NotFound as exc:
        print("NotFound:", exc, exc.args, exc.resource, repr(exc))
    except AppError as exc:
        print(type(exc).__name__ + ":", exc, exc.args, repr(exc))

print(issubclass(NotFound, AppError), issubclass(NotFound, Exception))
print(NotFound.__mro__[1:3])

class WithDefaultMessage(Exception):
    def __init__(self, msg="something went wrong"):
        super().__init__(msg)
try:
    raise WithDefaultMessage
except WithDefaultMessage as exc:
    print(exc, repr(exc))

class Code(Exception):
    code = 7
try:
    raise Code("coded")
except Exception as exc:
    print(exc.code, str(exc))

def uncaught():
    raise NotFound("page", "home")
uncaught()
