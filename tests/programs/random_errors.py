# What the random module raises, with the frames of CPython's random.py.
import random
def attempt(f, *a):
    try:
        f(*a)
    except Exception as e:
        import traceback
        traceback.print_exc()
attempt(random.randint, 5, 1)
attempt(random.choice, [])
attempt(random.randrange, 1.5)
attempt(random.randrange, 1, 2.5)
attempt(random.sample, {1, 2}, 1)
attempt(random.seed, [1])
attempt(random.shuffle, 5)
attempt(random.choice, 5)
attempt(random.Random(3).randint, 9, 2)
attempt(random.gammavariate, 0, 1)
attempt(random.choices, [1, 2], [1])
random.randrange(10, 2)
