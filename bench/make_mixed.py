"""Writes a real-world-shaped table for `make bench`'s loading rows: an id column, numeric columns
with gaps (empty cells and "NA"), text categories, a text label last.

python3 bench/make_mixed.py [--rows 100000] [--out /tmp/mixed_100000.csv]   (seed 0; ~14 MB per 100k rows)
"""
import argparse

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=100_000)
parser.add_argument("--out", default="/tmp/mixed_100000.csv")
args = parser.parse_args()
rng = np.random.default_rng(0)
n = args.rows
numeric = rng.normal(size=(n, 20)).round(4)
gaps = rng.random((n, 20)) < 0.05
categories = [np.array([f"c{j}_{k}" for k in range(5 + 3 * j)]) for j in range(5)]
codes = [rng.integers(0, len(c), n) for c in categories]
label = np.where(numeric[:, 0] + rng.normal(size=n) > 0, "yes", "no")
with open(args.out, "w") as f:
    f.write("id," + ",".join(f"x{j}" for j in range(20)) + "," + ",".join(f"cat{j}" for j in range(5)) + ",label\n")
    for i in range(n):
        cells = ["" if gaps[i, j] and j % 2 else ("NA" if gaps[i, j] else repr(float(numeric[i, j]))) for j in range(20)]
        f.write(f"row{i}," + ",".join(cells) + "," + ",".join(categories[j][codes[j][i]] for j in range(5)) + f",{label[i]}\n")
