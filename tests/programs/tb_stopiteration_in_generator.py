# PEP 479: StopIteration escaping a generator becomes RuntimeError.
def first_items(iterators):
    for it in iterators:
        yield next(it)

print(list(first_items([iter([1]), iter([2])])))
print(list(first_items([iter([1]), iter([])])))
