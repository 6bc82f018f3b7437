"""Loading speed of polars and pandas `read_csv` on a file, for the rows beside cvkit-bench's in
bench/README.md (`make bench-reference`). Median of 5 reads, MB/s of the file's bytes, process start excluded.

python3 bench/load_reference.py FILE...
"""
import os
import statistics
import sys
import time

import pandas as pd

try:
    import polars as pl
except ImportError:  # make bench-reference installs it
    pl = None

for path in sys.argv[1:]:
    size = os.path.getsize(path) / 1e6
    readers = [("pandas", lambda: pd.read_csv(path))]
    if pl is not None:
        readers.append(("polars", lambda: pl.read_csv(path, infer_schema_length=10000)))
    for name, read in readers:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            read()
            times.append(time.perf_counter() - start)
        t = statistics.median(times)
        print(f"{os.path.basename(path)}: {name} read_csv {size / t:7.1f} MB/s ({t:.3f} s for {size:.1f} MB, median of 5)")
