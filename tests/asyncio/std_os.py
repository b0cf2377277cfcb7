# os without the file system: getpid, cpu_count (the virtual CPUs),
# environ, getenv, the separators, os.path's string functions.
import os.path
import os
print(os.getpid() == os.getpid(), os.cpu_count(), os.name, os.sep, repr(os.linesep), os.pathsep, os.curdir, os.devnull)
print(os.environ.get("HOME_NOT_SET"), os.getenv("NOPE", "dflt"), "X" in os.environ)
os.environ["MODE"] = "fast"
print(os.environ["MODE"], os.getenv("MODE"))
try: os.environ["X"] = 1
except TypeError as e: print(e)
try: os.environ["NOPE"]
except KeyError as e: print(repr(e))
try: os.getenv(1)
except TypeError as e: print(e)
print(os.path.join('a','b','/c','d'), os.path.join('a', ''), os.path.splitext('x.tar.gz'), os.path.splitext('.bashrc'), os.path.basename('/a/b/'), os.path.dirname('/a/b/c'), os.path.split('a/b'), os.path.normpath('a//b/../c/.'), os.path.normpath('/../x'))
print(os.path.isabs('/x'), os.path.commonprefix(['/usr/lib', '/usr/local']))
from os import path, getpid
print(path.basename("dir/file.py"))
