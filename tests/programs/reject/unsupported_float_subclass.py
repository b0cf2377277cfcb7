# A class deriving from float: loopscope's floats are not objects that can
# carry a subclass, so the class statement raises (CPython runs it).
class Celsius(float):
    pass
print(Celsius(21.5))
