# Single inheritance, overriding, super(), isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def kind(self):
        return "dog, which is an " + super().kind()

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
    def kind(self):
        return "puppy, a " + super().kind()

class Cat(Animal):
    sound = "meow"

for pet in (Animal("generic"), Dog("Rex", ["sit"]), Puppy("Bit"), Cat("Tom")):
    print(pet.speak(), "|", pet.kind())

d = Puppy("Bit")
print(isinstance(d, Puppy), isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Cat))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(isinstance(d, (Cat, Dog)), issubclass(Cat, (Dog, Animal)))
print(Puppy.__bases__[0].__name__, Animal.__bases__)
print([c.__name__ for c in Puppy.__mro__])
print(d.tricks)
print(issubclass(bool, int), isinstance(True, int), isinstance(1, bool))

class Base:
    def __init__(self):
        self.log = ["Base.__init__"]
    def template(self):
        return self.hook()
    def hook(self):
        return "base hook"

class Derived(Base):
    def __init__(self):
        super(Derived, self).__init__()
        self.log.append("Derived.__init__")
    def hook(self):
        return "derived hook"

x = Derived()
print(x.log, x.template(), Base.template(x))

class NoInit(Base):
    pass
print(NoInit().log)

class Counter:
    count = 0
    def __init__(self):
        type(self).count += 1
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.count, SubCounter.count)
print(type(3).__name__, type("s").__name__, type(None).__name__, type([]).__name__)
print(type(x) is Derived, type(x) == Base)
