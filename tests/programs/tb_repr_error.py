# An exception inside __repr__ while printing: the __repr__ frame is in the traceback.
class Temperature:
    def __init__(self, kelvin):
        self.kelvin = kelvin
    def __repr__(self):
        return "%.1f C" % (self.kelvin - 273.15)

readings = [Temperature(300), Temperature(273.15)]
print(readings)
readings.append(Temperature("hot"))
print(readings)
