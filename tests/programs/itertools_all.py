import itertools
from itertools import count, cycle, repeat, islice, chain, product, permutations, combinations, combinations_with_replacement, accumulate, groupby, zip_longest, starmap, takewhile, dropwhile, filterfalse, compress, tee, pairwise, batched
import operator
print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), list(islice(count(0.5, 0.25), 3)), count(3), repeat("a", 2), repeat(1))
print(list(islice(cycle("abc"), 7)), list(repeat(7, 3)), list(repeat(1, -1)))
print(list(islice(range(10), 2, 8, 2)), list(islice("abcdef", 3)), list(islice("abcdef", 2, None)), list(islice(range(5), 0)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3], []])))
print(list(product("ab", [0, 1])), list(product(range(2), repeat=2)), list(product()))
print(list(permutations([1, 2, 3])), list(permutations("abc", 2)), list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations(range(4), 2)), list(combinations("abc", 0)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ab", 2)), list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=10)), list(accumulate([])))
print([(k, list(g)) for k, g in groupby("aaabbc")], [(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
gs = list(groupby("aabb")); print([(k, list(g)) for k, g in gs])
print(list(zip_longest("abc", [1], fillvalue="-")), list(zip_longest()), list(starmap(pow, [(2, 3), (3, 2)])))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(filterfalse(None, [0, 1, "", "a"])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(pairwise("abcd")), list(pairwise([1])), list(batched(range(7), 3)))
a, b = tee([1, 2, 3]); print(next(a), list(b), list(a), len(tee("x", 3)))
it = iter([1, 2, 3, 4, 5]); print(list(islice(it, 2)), list(it))
print(type(chain()).__name__, type(count()).__module__)
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: islice([1], -1)); attempt(lambda: islice([1], 0, 2, 0)); attempt(lambda: islice([1], -2, 3)); attempt(lambda: count("a"))
attempt(lambda: list(batched([1], 0))); attempt(lambda: list(product([1], repeat=-1))); attempt(lambda: list(combinations([1], -1))); attempt(lambda: tee([], -1))
attempt(lambda: list(chain(1, 2))); attempt(lambda: islice(3, 1)); attempt(lambda: list(permutations([1], -2)))
