# from-import of a module loopscope does not provide.
import sys
from requests import get
print(get)
