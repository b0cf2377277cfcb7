# covariance() and correlation(): values and CPython's errors for unequal lengths, too few points and a constant input.
import statistics as st
print(st.covariance([1, 2, 3], [1, 2, 4]), st.correlation([1, 2, 3], [1, 2, 4]))
for f in (st.covariance, st.correlation):
    for a, b in (([1, 2], [1]), ([1], [1]), ([1, 1], [2, 3])):
        try:
            print(f(a, b))
        except st.StatisticsError as e:
            print("StatisticsError:", e)
