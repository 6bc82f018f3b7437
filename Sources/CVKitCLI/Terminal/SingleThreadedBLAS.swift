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
