import Foundation

/// What a run reports while it works, for a progress display. Delivered on worker threads.
public enum ExperimentEvent: Sendable {
    /// A task finished an epoch.
    case epoch(task: Int, record: EpochRecord, totalEpochs: Int)
    /// A task finished (or was found finished in the journal); `done` of `total` are complete.
    case taskFinished(TaskResult, done: Int, total: Int, resumed: Bool)
}

/// Runs independent tasks on `jobs` threads, journals each as it finishes, and returns the results
/// in task order.
///
/// Each task is a pure function of (settings, data, split): its seeds derive from the run seed and
/// its split, never from the thread or the order, so any `jobs` gives the same results. Threads
/// take the next unstarted task from a shared counter. BLAS runs single-threaded inside each task.
public final class ExperimentRunner: @unchecked Sendable {
    public let runner: TaskRunner
    public let splits: [Split]
    public let jobs: Int
    public init(runner: TaskRunner, splits: [Split], jobs: Int) {
        self.runner = runner
        self.splits = splits
        self.jobs = max(1, jobs)
    }

    public func run(journal: Journal?, finished: [TaskResult] = [], onEvent: (@Sendable (ExperimentEvent) -> Void)? = nil) throws -> [TaskResult] {
        let state = SharedState(count: splits.count)
        for result in finished where result.index < splits.count { state.results[result.index] = result }
        state.done = state.results.compactMap { $0 }.count
        for result in finished { onEvent?(.taskFinished(result, done: state.done, total: splits.count, resumed: true)) }
        state.pending = splits.indices.filter { state.results[$0] == nil }
        let workers = min(jobs, max(state.pending.count, 1))
        let epochs = runner.settings.training.epochs
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.take() {
                do {
                    let result = try runner.run(index: index, split: splits[index]) { record in
                        onEvent?(.epoch(task: index, record: record, totalEpochs: epochs))
                    }
                    try journal?.append(result)
                    let done = state.store(result, at: index)
                    onEvent?(.taskFinished(result, done: done, total: splits.count, resumed: false))
                } catch {
                    state.fail(error)
                    return
                }
            }
        }
        if let failure = state.failure { throw failure }
        return state.results.compactMap { $0 }
    }

    /// The runner's mutable state, every access under one lock.
    private final class SharedState: @unchecked Sendable {
        let lock = NSLock()
        var results: [TaskResult?]
        var pending: [Int] = []
        var next = 0
        var done = 0
        var failure: Error?

        init(count: Int) { results = [TaskResult?](repeating: nil, count: count) }

        /// The next unstarted task, or nil when none is left or a task failed.
        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard failure == nil, next < pending.count else { return nil }
            next += 1
            return pending[next - 1]
        }

        func store(_ result: TaskResult, at index: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            results[index] = result
            done += 1
            return done
        }

        func fail(_ error: Error) {
            lock.lock()
            if failure == nil { failure = error }
            lock.unlock()
        }
    }
}
