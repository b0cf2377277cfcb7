# Members cannot be reassigned or deleted (the metatype's __setattr__ and
# __delattr__); other class attributes can; builtin types refuse both.
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
try:
    Color.RED = 2
except AttributeError as e:
    print("AE", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AE", e)
Color.extra = 5
print(Color.extra, list(Color))
del Color.extra
print(hasattr(Color, "extra"))
try:
    del int.real
except TypeError as e:
    print("TE", e)
