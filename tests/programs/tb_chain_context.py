# An exception raised while handling another: both tracebacks are printed,
# joined by "During handling of the above exception, another exception occurred:".
def parse(text):
    return int(text)

def load(config):
    try:
        return parse(config["port"])
    except KeyError:
        print("no port configured, falling back")
        return parse(config["fallback"])

print(load({"port": "80"}))
print(load({"fallback": "8080"}))
load({"fallback": "eighty"})
