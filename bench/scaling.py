#!/usr/bin/env python3
"""How cvkit's cross-validation time scales: with --jobs, with rows and with k. Used by `make bench`.

Prints, each as the median wall time of --runs whole `cvkit kfold` runs (report written):
  1. --jobs 1 against --jobs 2 (all cores) on digits (10-fold, 20 epochs) and on the synthetic set
     (10-fold, 2 epochs): training throughput and the speed-up. Ten folds: an even number of
     equal tasks, so two workers can share them evenly (5 folds on 2 cores run in waves 2-2-1 and
     cannot beat 5/3).
  2. Rows: the first 25,000, 50,000 and 100,000 rows of the synthetic set, 5-fold, 5 epochs.
  3. k: 2, 4, 6 and 10 folds of the synthetic set, 2 epochs (training samples grow as k − 1).
For 2 and 3, seconds per million training samples, and the least-squares line
wall = fixed + per-sample × samples through the points with how far the points are from it: a run
has fixed costs (loading, report), and a fold's evaluation of its test part does not shrink with k.

Usage: python3 bench/scaling.py BIN SYNTHETIC.csv DIGITS.csv [--runs 3]
"""
import argparse, os, statistics, tempfile

from cv_jobs import kfold_runs

ap = argparse.ArgumentParser()
ap.add_argument("bin"); ap.add_argument("synthetic"); ap.add_argument("digits")
ap.add_argument("--runs", type=int, default=3)
a = ap.parse_args()
cores = os.cpu_count()


def run(data, k, epochs, jobs):
    """Median wall seconds of --runs runs, and the run's training samples."""
    walls, _, timings, _ = kfold_runs(a.bin, data, k, epochs, jobs, a.runs)
    return statistics.median(walls), timings["trainingSamples"]


def fit(points):
    """Least squares wall = a + b·samples; returns a, b and the largest relative deviation."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    a0 = my - b * mx
    return a0, b, max(abs(y - (a0 + b * x)) / y for x, y in points)


def head(rows):
    """The header and the first `rows` rows of the synthetic set, in a temporary file."""
    path = os.path.join(tempfile.gettempdir(), f"cvkit-scaling-{rows}.csv")
    if not os.path.exists(path):
        with open(a.synthetic) as source, open(path + ".part", "w") as target:
            for index, line in enumerate(source):
                if index > rows:
                    break
                target.write(line)
        os.replace(path + ".part", path)
    return path


print(f"Scaling (median of {a.runs} runs each; {cores} cores)")
print("  --jobs:")
for name, data, k, epochs in [("digits", a.digits, 10, 20), ("synthetic", a.synthetic, 10, 2)]:
    one, samples = run(data, k, epochs, 1)
    many, _ = run(data, k, epochs, cores)
    print(f"    {name:9} {k}-fold {epochs:2} epochs: --jobs 1 {one:6.2f} s ({samples / one:8.0f} samples/s)   "
          f"--jobs {cores} {many:6.2f} s ({samples / many:8.0f} samples/s)   speed-up {one / many:.2f}x")

print("  rows (synthetic, 5-fold, 5 epochs):")
points = []
for rows in [25_000, 50_000, 100_000]:
    wall, samples = run(head(rows), 5, 5, cores)
    points.append((samples, wall))
    print(f"    {rows:7} rows: {wall:6.2f} s   {1e6 * wall / samples:5.2f} s per million training samples")
fixed, slope, worst = fit(points)
print(f"    line: {fixed:.2f} s + {1e6 * slope:.2f} s per million training samples; points within {100 * worst:.0f}% of it")

print("  k (synthetic, 2 epochs):")
points = []
for k in [2, 4, 6, 10]:
    wall, samples = run(a.synthetic, k, 2, cores)
    points.append((samples, wall))
    print(f"    k = {k:2}: {wall:6.2f} s   {1e6 * wall / samples:5.2f} s per million training samples ({samples} samples)")
fixed, slope, worst = fit(points)
print(f"    line: {fixed:.2f} s + {1e6 * slope:.2f} s per million training samples; points within {100 * worst:.0f}% of it")
