# The match statement is valid Python 3.12 that loopscope does not run.
command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case _:
        print("unknown")
