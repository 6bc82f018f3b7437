"""Is cvkit's accuracy below PyTorch's on a real table, and if so why? (issue: the model you keep)

    python3 bench/accuracy_gap.py DATA.csv --label COL --epochs 5 --seeds 12 [--bin .build/release/cvkit]

For seeds 0..N-1 it runs the PyTorch reference (../shared/bench/torch_cv.py: stratified 10-fold,
PyTorch's init, Adam 1e-3, batches of 64) and cvkit kfold with --init torch (the same
initialization) and with its default --init he, and compares the mean fold accuracies per seed.
The folds differ between the two (scikit-learn's StratifiedKFold vs cvkit's), so a seed pairs two
runs, not two sets of splits: the comparison is of run means over seeds, with Welch's t-test for the
difference (scipy.stats.ttest_ind, equal_var=False). Prints one line per seed and the summary.
"""
import argparse, json, os, subprocess, sys, tempfile, statistics
from scipy import stats

ap = argparse.ArgumentParser()
ap.add_argument("csv"); ap.add_argument("--label", required=True)
ap.add_argument("--epochs", type=int, default=5); ap.add_argument("--seeds", type=int, default=12)
ap.add_argument("--bin", default=".build/release/cvkit")
ap.add_argument("--torch", default=os.path.join(os.path.dirname(__file__), "../../shared/bench/torch_cv.py"))
a = ap.parse_args()

def torch(seed):
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run([sys.executable, a.torch, a.csv, "--label", a.label, "--epochs", str(a.epochs), "--folds", "10", "--seed", str(seed),
                        "--cv-seed", str(seed), "--threads", "1", "--json", f.name], check=True, capture_output=True)
        d = json.load(open(f.name))
    return d["summary"]["mean_acc"]

def cvkit(seed, init):
    out = subprocess.run([a.bin, "kfold", a.csv, "--label", a.label, "--k", "10", "--epochs", str(a.epochs), "--seed", str(seed), "--init", init,
                          "--jobs", "1", "--quiet", "--json", "--report-dir", tempfile.mkdtemp()], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["summary"]["accuracy"]["mean"]

rows = []
for seed in range(a.seeds):
    t, ct, ch = torch(seed), cvkit(seed, "torch"), cvkit(seed, "he")
    rows.append((t, ct, ch))
    print(f"seed {seed:2d}  pytorch {t:.4f}  cvkit --init torch {ct:.4f}  cvkit --init he {ch:.4f}", flush=True)
for name, column in [("cvkit --init torch", 1), ("cvkit --init he", 2)]:
    x = [r[column] for r in rows]; y = [r[0] for r in rows]
    test = stats.ttest_ind(x, y, equal_var=False)
    print(f"{name}: mean {statistics.mean(x):.4f} ± {statistics.stdev(x):.4f}  vs pytorch {statistics.mean(y):.4f} ± {statistics.stdev(y):.4f}"
          f"  difference {statistics.mean(x) - statistics.mean(y):+.4f}  Welch p = {test.pvalue:.3g}")
