# The random module: CPython 3.12's Random, drawing from the same Mersenne
# Twister words in the same order, so a seeded program prints the same
# numbers. The generator and its seeding are C (random.c: _mt_*); the
# methods here decide how many words each draw takes.

_TWOPI = 6.283185307179586
_PI = 3.141592653589793
_E = 2.718281828459045
_NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
_LOG4 = _log(4.0)
_SG_MAGICCONST = 1.0 + _log(4.5)


def _index(x):
    if isinstance(x, int):
        return x
    raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")


def _is_sequence(x):
    if isinstance(x, (list, tuple, range, str)):
        return True
    if isinstance(x, (dict, set, frozenset)):
        return False
    return hasattr(x, '__getitem__') and hasattr(x, '__len__')


def _cumulative(values):
    total = None
    out = []
    for v in values:
        total = v if total is None else total + v
        out.append(total)
    return out


def _first_above(cum, x, lo, hi):
    # the index of the first cumulative weight above x, searched in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        if x < cum[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


class Random:
    """A generator of pseudo-random numbers (the Mersenne Twister)."""

    __module__ = 'random'
    VERSION = 3

    def __init__(self, x=None):
        self._mt = _mt_new()
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, str):
            x = ord(a[0]) << 7 if a else 0
            for c in a:
                x = ((1000003 * x) ^ ord(c)) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif not isinstance(a, (type(None), int, float, str)):
            raise TypeError('The only supported seed types are: None,\n'  #@ random.py:167 seed | raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        _mt_seed(self._mt, a)
        self.gauss_next = None

    def getstate(self):
        return (self.VERSION, _mt_getstate(self._mt), self.gauss_next)

    def setstate(self, state):
        version = state[0]
        if version != 3:
            raise ValueError(f"state with version {version} passed to "
                             f"Random.setstate() of version {self.VERSION}")
        _mt_setstate(self._mt, tuple(state[1]))
        self.gauss_next = state[2]

    def random(self):
        return _mt_random(self._mt)

    def getrandbits(self, k):
        return _mt_getrandbits(self._mt, k)

    def _randbelow(self, n):
        k = n.bit_length()
        r = _mt_getrandbits(self._mt, k)
        while r >= n:
            r = _mt_getrandbits(self._mt, k)
        return r

    def randrange(self, start, stop=None, step=1):
        istart = _index(start)  #@ random.py:301 randrange | istart = ^_index(start)^
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")  #@ random.py:306 randrange | raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")  #@ random.py:309 randrange | raise ValueError("empty range for randrange()")
        istop = _index(stop)  #@ random.py:312 randrange | istop = ^_index(stop)^
        width = istop - istart
        istep = _index(step)  #@ random.py:314 randrange | istep = ^_index(step)^
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError(f"empty range in randrange({start}, {stop})")  #@ random.py:319 randrange | raise ValueError(f"empty range in randrange({start}, {stop})")
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")  #@ random.py:327 randrange | raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError(f"empty range in randrange({start}, {stop}, {step})")  #@ random.py:329 randrange | raise ValueError(f"empty range in randrange({start}, {stop}, {step})")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)  #@ random.py:336 randint | return ^self.randrange(a, b+1)^

    def choice(self, seq):
        if not len(seq):  #@ random.py:346 choice | if not ^len(seq)^:
            raise IndexError('Cannot choose from an empty sequence')  #@ random.py:347 choice | raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):  #@ random.py:354 shuffle | for i in reversed(range(1, ^len(x)^)):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "  #@ random.py:413 sample | raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum = _cumulative(counts)
            if len(cum) != n:
                raise ValueError('The number of counts does not match the population')  #@ random.py:419 sample | raise ValueError('The number of counts does not match the population')
            total = cum.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')  #@ random.py:422 sample | raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')  #@ random.py:424 sample | raise ValueError('Total of counts must be greater than zero')
            picks = self.sample(range(total), k=k)
            return [population[_first_above(cum, s, 0, len(cum))] for s in picks]
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")  #@ random.py:430 sample | raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        # CPython picks by swapping out of a copy for small populations and
        # by rejecting repeats for large ones: the same rule, the same draws
        small = 21
        if k > 5:
            small += 4 ** _ceil(_log(k * 3) / _LOG4)
        if n <= small:
            pool = list(population)
            for i in range(k):
                j = self._randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            taken = set()
            for i in range(k):
                j = self._randbelow(n)
                while j in taken:
                    j = self._randbelow(n)
                taken.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_floor(self.random() * n)] for i in range(k)]
            try:
                cum_weights = _cumulative(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(
                    f'The number of choices must be a keyword argument: {k=}'
                ) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')  #@ random.py:478 choices | raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')  #@ random.py:480 choices | raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')  #@ random.py:483 choices | raise ValueError('Total of weights must be greater than zero')
        if total != total or total in (float('inf'), float('-inf')):
            raise ValueError('Total of weights must be finite')  #@ random.py:485 choices | raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_first_above(cum_weights, self.random() * total, 0, hi)]
                for i in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        while True:
            u1 = self.random()
            u2 = 1.0 - self.random()
            z = _NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            angle = self.random() * _TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd=1.0):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        if kappa <= 1e-6:
            return _TWOPI * self.random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            z = _cos(_PI * self.random())
            d = z / (r + z)
            u2 = self.random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if self.random() > 0.5:
            return (mu + _acos(f)) % _TWOPI
        return (mu - _acos(f)) % _TWOPI

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')  #@ random.py:682 gammavariate | raise ValueError('gammavariate: alpha and beta must be > 0.0')
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - _LOG4
            ccc = alpha + ainv
            while True:
                u1 = self.random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - self.random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + _SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        if alpha == 1.0:
            return -_log(1.0 - self.random()) * beta
        while True:
            b = (_E + alpha) / _E
            p = b * self.random()
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_log((b - p) / alpha)
            u1 = self.random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    return x * beta
            elif u1 <= _exp(-x):
                return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
