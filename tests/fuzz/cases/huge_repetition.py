# huge allocations must meet the memory limit, not crash
for expr in ["'x' * 10**9", "[0] * 10**9", "2 ** 10 ** 10", "b'x' * 2**62", "[0] * 2**62",
             "(0,) * 2**40", "'ab' * 2**63", "1 << 10**10", "list(range(10**9))", "'x'.ljust(2**40)"]:
    try:
        print(expr, len(str(eval(expr))) if False else type(eval(expr)).__name__)
    except (MemoryError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__)
