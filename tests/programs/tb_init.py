# An exception in __init__ during construction.
class Rectangle:
    def __init__(self, width, height):
        if width <= 0:
            raise ValueError(f"width must be positive, got {width}")
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

print(Rectangle(2, 3).area())
shapes = [Rectangle(1, 1), Rectangle(-4, 2)]
