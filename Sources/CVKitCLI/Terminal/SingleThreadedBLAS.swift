import Foundation

/// Makes OpenBLAS single-threaded before it starts, by restarting the process once with
/// `OPENBLAS_NUM_THREADS=1` in its environment.
///
/// OpenBLAS reads that variable in its load-time constructor, before `main`, and starts one worker
/// per core. `openblas_set_num_threads(1)` later stops it from using them, but the idle workers
/// still wake and yield, which costs about a quarter of the run time at cvkit's batch-64 shapes
/// (measured: 362,000 against 477,000 samples/s on digits) and steals the core that parallel tasks
/// need. cvkit parallelizes across tasks, so BLAS never needs threads of its own. A user who sets
/// the variable keeps their value.
///
/// Measured again on 2026-11-30 (AMD EPYC, 2 cores, release build) against the API alone
/// (`OPENBLAS_NUM_THREADS=2`, so no restart, then `openblas_set_num_threads(1)`): digits 10-fold
/// `--jobs 2` takes 0.23–0.25 s with the restart and 0.27–0.28 s without it; the 100000 × 100
/// synthetic 5-fold job is the same either way (2.0–2.2 s). The restart stays.
enum SingleThreadedBLAS {
    static func ensure() {
        #if os(Linux)
        guard ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil else { return }
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        let arguments = CommandLine.unsafeArgv
        execv("/proc/self/exe", arguments)
        // If exec fails, carry on: slower, not wrong.
        #endif
    }
}
