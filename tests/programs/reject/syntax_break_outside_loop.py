# break with no loop around it.
x = 1
if x:
    break
