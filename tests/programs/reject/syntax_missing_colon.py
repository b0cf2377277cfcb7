# An if statement without its colon.
x = 3
if x > 1
    print("big")
