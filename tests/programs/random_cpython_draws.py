# CPython's Mersenne Twister, number for number: every module function, seeds of
# every kind (negative, big, float, str, bool), Random instances and state.
import random
random.seed(42)
print(random.random(), random.randint(1, 10), random.uniform(0.5, 2.0))
print(random.choice("abcdef"), random.randrange(0, 100, 5), random.getrandbits(70))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 7), random.sample(["a", "b", "c"], 2))
print(random.choices("xyz", k=5), random.choices([1, 2, 3], weights=[5, 1, 1], k=4))
print(random.gauss(), random.gauss(1, 2), random.normalvariate(), random.expovariate(2))
print(random.triangular(), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.gammavariate(2.5, 1), random.gammavariate(0.5, 1), random.betavariate(2, 3))
print(random.paretovariate(3), random.weibullvariate(1, 2))
random.seed(-42); print(random.random())
random.seed(2**100 + 7); print(random.random())
random.seed(0); print(random.random())
random.seed(3.25); print(random.random())
random.seed(-1.5); print(random.random())
random.seed("hello"); print(random.random())
random.seed("é" * 100); print(random.random())
random.seed(True); print(random.random())
r = random.Random(7); print(r.random(), r.randint(1, 6))
s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random())
print(random.sample(range(10000), 12))
print(random.randrange(10), random.randrange(1, 2**80))
for bad in [lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.randrange(0),
            lambda: random.seed([1]), lambda: random.sample({1, 2}, 1), lambda: random.randrange(1.5),
            lambda: random.getrandbits(-1), lambda: random.choices([1], [1], cum_weights=[1]),
            lambda: random.randrange(1, 10, 0), lambda: random.sample([1, 2], 3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
