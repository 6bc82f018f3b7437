#!/usr/bin/env python3
"""One core's sustained fp32 rate, in GFLOP/s: the best of five float32 2048 × 2048 products on one
thread (numpy's OpenBLAS). A lower bound of the core's theoretical peak (which a virtual machine's
boost clock hides), so a share of it is an upper bound. `make bench` passes it to cvkit-bench
--peak; bench/cv_jobs.py uses it for its shares. Prints the number alone."""
import time


def measured_peak():
    import numpy as np
    from threadpoolctl import threadpool_limits
    a = np.random.default_rng(0).random((2048, 2048), dtype=np.float32)
    with threadpool_limits(1):
        a @ a
        best = 0.0
        for _ in range(5):
            start = time.perf_counter()
            a @ a
            best = max(best, 2 * 2048**3 / (time.perf_counter() - start) / 1e9)
    return best


if __name__ == "__main__":
    print(f"{measured_peak():.1f}")
