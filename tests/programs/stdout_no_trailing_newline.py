# Output that does not end with a newline, and output written in pieces.
import sys
for i in range(3):
    print(i, end=",")
sys.stdout.write("partial")
print("", end="")
sys.stderr.write("stderr without newline")
