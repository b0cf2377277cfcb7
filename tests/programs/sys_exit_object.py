# sys.exit with an object that is neither an int nor None: it is printed to
# stderr (its str) and the exit status is 1.
import sys
print("exiting with a list")
sys.exit(["bad", 1])
