# Importing a missing name from a module that exists.
from time import sleep
print("sleep imported")
from time import teleport
