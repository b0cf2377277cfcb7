# obj.__class__ = C: allowed between classes of the same layout, with CPython's errors otherwise.
class A: pass
class B: pass
class E(Exception): pass
a = A()
for v in (5, int, E, B):
    try:
        a.__class__ = v
        print("ok", type(a).__name__)
    except TypeError as e:
        print("TypeError:", e)
e = E()
try:
    e.__class__ = A
except TypeError as ex:
    print("TypeError:", ex)
class E2(Exception): pass
e.__class__ = E2
print(type(e).__name__)


class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


pet = Cat()
print(pet.speak())
setattr(pet, "__class__", Dog)
print(pet.speak(), isinstance(pet, Dog), isinstance(pet, Cat))
