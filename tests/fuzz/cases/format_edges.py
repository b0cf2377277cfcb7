# huge widths and precisions in every formatting path
for t in ["f'{1:{2**31}}'", "f'{1.5:.{2**31}f}'", "'%*d' % (2**31, 1)", "'%.*f' % (2**40, 1.0)",
          "'{:>9999999999999}'.format(1)", "'{0[99999999999999999999]}'.format([1])",
          "format(1.5, '.1000000f')[:5]", "format(1, '%s' % ('9' * 30))", "'x'.center(2**63)",
          "'x'.zfill(2**40)", "'%c' % 0x110000", "'%(a)s' % {}", "'{}'.format()", "'{:d}'.format('x')",
          "format(1e300, '.400f')[:5]", "format(float('nan'), '010')", "'%.400g' % 1e-300",
          "f'{1!r:^{3}}{2=}{\"x\"!a}'", "'{0:{1}}'.format(1, '{2}')"]:
    try:
        r = eval(t)
        print(t, len(r))
    except Exception as e:
        print(t, type(e).__name__, e)
