# A bare raise in a handler re-raises with the original traceback.
def parse_port(text):
    return int(text)

def load(text):
    try:
        return parse_port(text)
    except ValueError:
        print("could not parse", repr(text))
        raise

print(load("8080"))
load("http")
