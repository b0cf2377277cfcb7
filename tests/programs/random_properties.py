# Properties of random that hold whatever the generator: ranges, repeatability.
import random

random.seed(7)
first = [random.random() for _ in range(5)]
random.seed(7)
second = [random.random() for _ in range(5)]
print("repeatable after seed:", first == second)
print("in [0, 1):", all(0 <= x < 1 for x in first))
rolls = [random.randint(1, 6) for _ in range(200)]
print("randint bounds:", min(rolls) >= 1, max(rolls) <= 6)
deck = list(range(20))
random.shuffle(deck)
print("shuffle is a permutation:", sorted(deck) == list(range(20)))
print("choice from list:", random.choice("abc") in "abc")
