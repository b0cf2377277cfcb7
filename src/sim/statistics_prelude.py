# statistics for loopscope: CPython 3.12's statistics functions as its
# documentation describes them, written for loopscope (stdlib.c runs this
# into the module "statistics" when a program first imports it). Sums are
# exact (integer ratios), and results are rounded once, so they are
# CPython's to the last digit; ints give ints where CPython's do.
math = _import('math')


class StatisticsError(ValueError):
    pass


def _ratio(x):
    if isinstance(x, bool):
        return int(x), 1
    if isinstance(x, int):
        return x, 1
    if isinstance(x, float):
        return x.as_integer_ratio()
    raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _add(a, b):
    n = a[0] * b[1] + b[0] * a[1]
    d = a[1] * b[1]
    g = math.gcd(n, d)
    return n // g, d // g


def _exact_sum(data):
    """(type, (num, den), count) of the data, the type int if all ints."""
    T = int
    total = (0, 1)
    n = 0
    for x in data:
        if isinstance(x, float):
            T = float
        elif not isinstance(x, int):
            raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")
        total = _add(total, _ratio(x))
        n += 1
    return T, total, n


def _convert(frac, T):
    n, d = frac
    if T is int and d == 1:
        return n
    return n / d


def mean(data):
    data = list(data)
    T, total, n = _exact_sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_div(total, n), T)


def _div(frac, k):
    n, d = frac[0], frac[1] * k
    g = math.gcd(n, d)
    return n // g, d // g


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        n = len(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / n
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    total = math.fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return math.fsum(x * w for x, w in zip(data, weights)) / total


def geometric_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers')
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers') \
            from None


def harmonic_mean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if weights is None:
        weights = [1] * len(data)
    total = (0, 1)
    wsum = (0, 1)
    T = float   # CPython sums w / x, floats
    for x, w in zip(data, weights):
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
        if x == 0:
            return 0
        xn, xd = _ratio(x)
        wn, wd = _ratio(w)
        total = _add(total, (wn * xd, wd * xn))
        wsum = _add(wsum, (wn, wd))
    n, d = wsum[0] * total[1], wsum[1] * total[0]
    g = math.gcd(n, d)
    return _convert((n // g, d // g), T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError('no mode for empty data')
    best = max(counts.values())
    for x, c in counts.items():
        if c == best:
            return x


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def _sum_squares(data, xbar):
    """(type, sum of squared deviations as (num, den), n)."""
    T, total, n = _exact_sum(data)
    if xbar is None:
        c = _div(total, n) if n else (0, 1)
    else:
        c = _ratio(xbar)
        if isinstance(xbar, float):
            T = float
    ss = (0, 1)
    for x in data:
        xn, xd = _ratio(x)
        dn = xn * c[1] - c[0] * xd
        dd = xd * c[1]
        ss = _add(ss, (dn * dn, dd * dd))
    return T, ss, n


def variance(data, xbar=None):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError('variance requires at least two data points')
    T, ss, n = _sum_squares(data, xbar)
    return _convert(_div(ss, n - 1), T)


def pvariance(data, mu=None):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError('pvariance requires at least one data point')
    T, ss, n = _sum_squares(data, mu)
    return _convert(_div(ss, n), T)


def _sqrt_frac(frac):
    """The float nearest to the square root of num/den (rounded once)."""
    n, d = frac
    if n == 0:
        return 0.0
    # scale so the integer root has about 120 bits, keep a sticky bit for
    # what the integer root drops, then one correctly rounded division
    shift = max(0, 240 - (n.bit_length() - d.bit_length()))
    shift += shift % 2
    num = n << shift
    root = math.isqrt(num // d)
    if root * root * d != num:
        root |= 1
    return root / (1 << (shift // 2))


def stdev(data, xbar=None):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError('stdev requires at least two data points')
    T, ss, n = _sum_squares(data, xbar)
    return _sqrt_frac(_div(ss, n - 1))


def pstdev(data, mu=None):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError('pstdev requires at least one data point')
    T, ss, n = _sum_squares(data, mu)
    return _sqrt_frac(_div(ss, n))


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _paired(x, y, what):
    """The means of x and y and the sum of their centred products, after
    the checks covariance() and correlation() share (`what` names it)."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError(f'{what} requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError(f'{what} requires at least two data points')
    xbar = fmean(x)
    ybar = fmean(y)
    return xbar, ybar, math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))


def covariance(x, y, /):
    sxy = _paired(x, y, 'covariance')[2]
    return sxy / (len(x) - 1)


def correlation(x, y, /):
    xbar, ybar, sxy = _paired(x, y, 'correlation')
    sxx = math.fsum((d := xi - xbar) * d for xi in x)
    syy = math.fsum((d := yi - ybar) * d for yi in y)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')
