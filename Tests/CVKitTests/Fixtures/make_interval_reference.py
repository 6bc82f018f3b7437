"""Reference numbers for the intervals of repeated K-fold and `compare` (IntervalReferenceTests).

    python3 Tests/CVKitTests/Fixtures/make_interval_reference.py > Tests/CVKitTests/Fixtures/interval_reference.json

Corrected resampled t (Nadeau & Bengio 2003): mean +- t(0.975, J-1) * sqrt((1/J + n_test/n_train) * s^2),
s^2 = var(ddof=1), J = k * r; the plain t-interval is scipy.stats.t.interval(0.95, J-1, mean, sem);
Wilson from statsmodels' proportion_confint(method="wilson") when installed, else its formula.
"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(2026)
cases = []
for k, r, n in [(5, 3, 150), (10, 2, 178), (3, 4, 90)]:
    scores = np.round(rng.uniform(0.8, 1.0, k * r), 4)
    n_test = n / k
    ratio = n_test / (n - n_test)
    j = k * r
    mean, s2 = scores.mean(), scores.var(ddof=1)
    half = stats.t.ppf(0.975, j - 1) * np.sqrt((1 / j + ratio) * s2)
    plain = stats.t.interval(0.95, j - 1, loc=mean, scale=stats.sem(scores))
    cases.append({"k": k, "r": r, "ratio": ratio, "scores": scores.tolist(),
                  "corrected": [mean - half, mean + half], "plain": list(plain)})
try:
    from statsmodels.stats.proportion import proportion_confint
    wilson = list(proportion_confint(57, 60, method="wilson"))
except ImportError:
    z = stats.norm.ppf(0.975); p = 57 / 60; m = 60
    c = (p + z * z / (2 * m)) / (1 + z * z / m); h = z / (1 + z * z / m) * np.sqrt(p * (1 - p) / m + z * z / (4 * m * m))
    wilson = [c - h, c + h]
print(json.dumps({"repeated": cases, "wilson57of60": wilson}, indent=1))
