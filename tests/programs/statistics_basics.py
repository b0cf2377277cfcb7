import statistics as st
from statistics import mean, median, stdev, StatisticsError
d = [2, 4, 4, 4, 5, 5, 7, 9]
f = [0.1, 0.2, 0.3, 0.4, 1.7, 2.9]
print(mean(d), mean([1, 2, 3]), mean([1, 2]), mean(f), mean([1, 2.5]), st.fmean(d), st.fmean(f), mean([True, False, True]))
print(median(d), median([3, 1, 2]), median([1, 2, 3, 4]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]), median(f))
print(st.mode([1, 1, 2, 3, 3, 3]), st.mode(["a", "b", "b"]), st.mode([1, 2]), st.multimode("aabbbccc"), st.multimode([]))
print(st.pvariance(d), st.pstdev(d), st.variance(d), stdev(d), st.variance([1, 2, 3]), st.variance(f), stdev(f), st.pstdev(f))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance([0.25, 0.5, 1.25, 1.25, 1.75, 2.5]), stdev([10**20, 10**20 + 2]), st.pvariance([1, 2, 3, 4]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(100), n=10), st.quantiles([1, 5, 9], method="inclusive"), st.quantiles([2.5, 3.1, 8.0, 1.1], n=3))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.fmean([1, 2, 3], weights=[3, 2, 1]))
print(st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.covariance([1, 2, 3, 4], [2, 4, 5, 9]))
latencies = [0.12, 0.11, 0.35, 0.14, 0.12, 0.5, 0.13]
print(f"{mean(latencies):.4f} {median(latencies)} {stdev(latencies):.6f} {max(latencies)}")
for f2, arg in [(mean, []), (median, []), (st.mode, []), (stdev, [1]), (st.variance, []), (st.pvariance, [])]:
    try:
        f2(arg)
    except StatisticsError as e:
        print("StatisticsError", e, isinstance(e, ValueError))
try:
    mean(["a"])
except TypeError as e:
    print("TypeError", e)
