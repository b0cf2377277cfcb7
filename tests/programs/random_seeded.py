# random with a fixed seed: the same numbers as CPython's Mersenne Twister.
import random

random.seed(42)
print(random.random())
print(random.randint(1, 100), random.randint(1, 100), random.randint(1, 6))
print(random.choice(["red", "green", "blue", "yellow"]))
items = list(range(10))
random.shuffle(items)
print(items)
print(round(random.uniform(1, 2), 6))
print(random.randrange(0, 100, 5))
print(random.sample(range(100), 5))
random.seed(42)
print(random.random())
