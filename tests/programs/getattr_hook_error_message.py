class A:
    def __getattr__(self, name):
        raise AttributeError("custom %s" % name)

try:
    A().zz
except AttributeError as e:
    print(e)
