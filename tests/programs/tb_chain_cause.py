# raise ... from ...: "The above exception was the direct cause of the following exception:"
class ConfigError(Exception):
    pass

def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError as exc:
        raise ConfigError(f"missing setting {name!r}") from exc

def start(settings):
    host = read_setting(settings, "host")
    port = read_setting(settings, "port")
    return host, port

print(start({"host": "localhost", "port": 8000}))
start({"host": "localhost"})
