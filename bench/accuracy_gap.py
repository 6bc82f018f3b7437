"""Is cvkit's accuracy below PyTorch's on a real table, and if so why? (issue: the model you keep)

    python3 bench/accuracy_gap.py DATA.csv --label COL --epochs 5 --seeds 40 [--inits torch,he] [--bin .build/release/cvkit]

For seeds 0..N-1 it runs the PyTorch reference (../shared/bench/torch_cv.py: stratified 10-fold,
PyTorch's init, Adam 1e-3, batches of 64, one thread) and `cvkit kfold` with each of --inits (default
`torch`, the same initialization, and `he`, cvkit's default), and compares:

- the run means (mean of the 10 fold accuracies) over seeds: difference and Welch's t-test
  (scipy.stats.ttest_ind, equal_var=False);
- their spread over seeds: the ratio of variances with the two-sided F-test and, less sensitive to
  non-normal tails, Levene's test (scipy.stats.levene, center="median" = Brown–Forsythe);
- the single folds: the pooled within-run standard deviation of the fold accuracies, and the share of
  folds below the reference's 5th percentile of fold accuracies (a heavy lower tail shows there).

The folds differ between the two (scikit-learn's StratifiedKFold vs cvkit's), so a seed pairs two runs,
not two sets of splits: the comparisons are of independent samples. `--json FILE` keeps every fold.
"""
import argparse, json, os, subprocess, sys, tempfile, statistics
from scipy import stats

ap = argparse.ArgumentParser()
ap.add_argument("csv"); ap.add_argument("--label", required=True)
ap.add_argument("--epochs", type=int, default=5); ap.add_argument("--seeds", type=int, default=12)
ap.add_argument("--inits", default="torch,he")
ap.add_argument("--bin", default=".build/release/cvkit")
ap.add_argument("--torch", default=os.path.join(os.path.dirname(__file__), "../../shared/bench/torch_cv.py"))
ap.add_argument("--json", help="write every fold's accuracy here")
a = ap.parse_args()
inits = [i for i in a.inits.split(",") if i]

def torch(seed):
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([sys.executable, a.torch, a.csv, "--label", a.label, "--epochs", str(a.epochs), "--folds", "10", "--seed", str(seed),
                        "--cv-seed", str(seed), "--threads", "1", "--json", f.name], check=True, capture_output=True)
        d = json.load(open(f.name))
    return d["summary"]["per_fold_acc"]

def cvkit(seed, init):
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run([a.bin, "kfold", a.csv, "--label", a.label, "--k", "10", "--epochs", str(a.epochs), "--seed", str(seed), "--init", init,
                              "--jobs", "1", "--quiet", "--json", "--report-dir", folder + "/r"], check=True, capture_output=True, text=True).stdout
    return [fold["accuracy"] for fold in json.loads(out)["folds"]]

runs = {"pytorch": []} | {f"cvkit --init {i}": [] for i in inits}
for seed in range(a.seeds):
    runs["pytorch"].append(torch(seed))
    for i in inits:
        runs[f"cvkit --init {i}"].append(cvkit(seed, i))
    print(f"seed {seed:2d}  " + "  ".join(f"{name} {statistics.fmean(r[-1]):.4f}" for name, r in runs.items()), flush=True)
if a.json:
    json.dump({"data": a.csv, "label": a.label, "epochs": a.epochs, "folds": runs}, open(a.json, "w"), indent=1)

def describe(name, folds):
    means = [statistics.fmean(r) for r in folds]
    within = statistics.fmean(statistics.variance(r) for r in folds) ** 0.5
    return means, within

ref_means, ref_within = describe("pytorch", runs["pytorch"])
ref_p5 = sorted(x for r in runs["pytorch"] for x in r)[len(runs["pytorch"]) * 10 // 20]  # 5 % of the folds
print(f"pytorch: run means {statistics.fmean(ref_means):.4f} ± {statistics.stdev(ref_means):.4f} (sd over {a.seeds} seeds); "
      f"fold sd within a run {ref_within:.4f}; 5th percentile of folds {ref_p5:.4f}")
for name in runs:
    if name == "pytorch": continue
    means, within = describe(name, runs[name])
    welch = stats.ttest_ind(means, ref_means, equal_var=False)
    ratio = statistics.variance(means) / statistics.variance(ref_means)
    df = a.seeds - 1
    f_p = 2 * min(stats.f.cdf(ratio, df, df), stats.f.sf(ratio, df, df))
    levene = stats.levene(means, ref_means, center="median")
    below = sum(x < ref_p5 for r in runs[name] for x in r) / (10 * a.seeds)
    print(f"{name}: run means {statistics.fmean(means):.4f} ± {statistics.stdev(means):.4f}; difference {statistics.fmean(means) - statistics.fmean(ref_means):+.4f}, "
          f"Welch p = {welch.pvalue:.3g}; variance ratio {ratio:.2f} (F-test p = {f_p:.3g}, Brown–Forsythe p = {levene.pvalue:.3g}); "
          f"fold sd within a run {within:.4f}; folds below pytorch's 5th percentile {below:.1%}")
