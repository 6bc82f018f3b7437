#!/usr/bin/env python3
"""Times whole cvkit runs (the jobs of the performance issue) and prints, per job: median wall time
of --runs runs, training throughput, accuracy and peak RSS. Used by `make bench`.

GFLOP/s counts the training FLOPs of cvkit-bench (3 × forward, minus the first layer's input
gradient) over the whole wall time, loading and evaluation included, and over the training phase
alone (timings.json's trainingSeconds: first task's start to last task's end, the per-epoch held-out
scoring included, its FLOPs not counted); the share is of --jobs times
one core's fp32 rate `--peak` (GFLOP/s). By default that rate is measured (bench/core_peak.py: the
best of five float32 2048 × 2048 products on one thread, numpy's OpenBLAS) — what the core sustains in the best
case, a lower bound of its theoretical peak, so the share printed is an upper bound. (The figure
once hard-coded here, 102.7 = 2 FMA units × 8 lanes × 2 × 3.2 GHz, was the first machine's; the
AMD EPYC of 2026-11-30 sustains 125 GFLOP/s on one thread.)

Usage: python3 bench/cv_jobs.py BIN DATA.csv --k 10 --epochs 20 [--runs 3] [--jobs N] [--init he|torch] [--peak GFLOPS]
"""
import argparse, json, os, resource, statistics, subprocess, tempfile, time


def kfold_runs(binary, data, k, epochs, jobs, runs, init="he"):
    """`runs` whole `cvkit kfold` runs (report written to a temporary folder): their wall times,
    the last run's results JSON and timings.json, and the largest peak RSS (KB) of any run."""
    walls, result, timings, trainings = [], None, None, []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            cmd = [binary, "kfold", data, "--k", str(k), "--epochs", str(epochs), "--hidden", "128,64", "--batch-size", "64",
                   "--optimizer", "adam", "--lr", "0.001", "--seed", "0", "--init", init, "--jobs", str(jobs),
                   "--report-dir", folder, "--json", "--quiet"]
            start = time.perf_counter()
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            walls.append(time.perf_counter() - start)
            result = json.loads(out)
            timings = json.load(open(os.path.join(result["reportDir"], "timings.json")))
            if timings.get("trainingSeconds"): trainings.append(timings["trainingSeconds"])
    timings["trainingSecondsOfRuns"] = trainings
    return walls, result, timings, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def timed(f):
    start = time.perf_counter(); f(); return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin"); ap.add_argument("data")
    ap.add_argument("--k", type=int, default=10); ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3); ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--init", default="he")
    ap.add_argument("--peak", type=float, help="one core's fp32 GFLOP/s (default: measured, see above)")
    a = ap.parse_args()
    if not a.peak:
        from core_peak import measured_peak
    peak = a.peak or measured_peak()
    walls, result, timings, rss = kfold_runs(a.bin, a.data, a.k, a.epochs, a.jobs, a.runs, a.init)
    wall = statistics.median(walls)
    samples = timings["trainingSamples"]
    model = result["model"]
    first = model["hidden"][0] if model["hidden"] else len(result["data"]["classes"])
    flops = (3 * model["forwardFLOPsPerSample"] - 2 * result["data"]["features"] * first) * samples
    name = os.path.basename(a.data)
    print(f"{name}: kfold k={a.k}, {a.epochs} epochs, hidden [128,64] BN, batch 64, Adam 1e-3, --init {a.init}, --jobs {a.jobs}")
    print(f"  wall     {wall:8.2f} s  (median of {a.runs}: {', '.join(f'{w:.2f}' for w in walls)})")
    print(f"  train    {samples / wall:8.0f} samples/s over the whole run ({samples} training samples)")
    print(f"  compute  {flops / wall / 1e9:8.2f} GFLOP/s ≈ {100 * flops / wall / 1e9 / (peak * a.jobs):.1f}% of {a.jobs} core(s) × {peak:.1f} GFLOP/s "
          f"({'given' if a.peak else 'measured: one thread, float32 2048³ sgemm'})")
    if timings["trainingSecondsOfRuns"]:
        training = statistics.median(timings["trainingSecondsOfRuns"])
        print(f"  training {training:8.2f} s  (the task phase alone, median; loading, metrics and report excluded) = "
              f"{flops / training / 1e9:.2f} GFLOP/s ≈ {100 * flops / training / 1e9 / (peak * a.jobs):.1f}% of the same peak")
    print(f"  kernels  {timings.get('blasKernels') or '?'} (OpenBLAS; the peak is measured with the kernels numpy's OpenBLAS picks under the same OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')})")
    print(f"  accuracy {result['summary']['accuracy']['mean']:.4f} (sd {result['summary']['accuracy']['sd']:.4f})   peak RSS {rss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
