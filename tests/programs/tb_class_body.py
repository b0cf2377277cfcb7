# An exception raised while a class body runs: the frame is named after the class.
print("defining")
class Settings:
    debug = True
    level = int("verbose")
