import Foundation

/// What a run reports while it works, for a progress display. Delivered on worker threads.
public enum ExperimentEvent: Sendable {
    /// A task finished an epoch. Its held-out figures are nil when they are being scored on a
    /// spare core beside the next epoch (`Trainer.spareCores`); the task's result has them.
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
    /// One task: a split trained and scored under some settings; `index` is its journal key.
    public struct Unit: Sendable {
        public var index: Int
        public var runner: TaskRunner
        public var split: Split

        public init(index: Int, runner: TaskRunner, split: Split) {
            self.index = index
            self.runner = runner
            self.split = split
        }
    }

    public let units: [Unit]
    public let jobs: Int

    public init(units: [Unit], jobs: Int) {
        self.units = units
        self.jobs = max(1, jobs)
    }

    /// All splits under one set of settings, indexed from 0.
    public convenience init(runner: TaskRunner, splits: [Split], jobs: Int) {
        self.init(units: splits.enumerated().map { Unit(index: $0, runner: runner, split: $1) }, jobs: jobs)
    }

    /// Runs every unit not in `finished` (matched by index) and returns all results in unit order.
    public func run(journal: Journal?, finished: [TaskResult] = [], onEvent: (@Sendable (ExperimentEvent) -> Void)? = nil) throws -> [TaskResult] {
        let state = SharedState(count: units.count)
        let position = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.index, $0) })
        var resumed: [TaskResult] = []
        for result in finished {
            guard let slot = position[result.index] else { continue }
            state.results[slot] = result
            resumed.append(result)
        }
        state.done = resumed.count
        for result in resumed { onEvent?(.taskFinished(result, done: state.done, total: units.count, resumed: true)) }
        state.pending = units.indices.filter { state.results[$0] == nil }
        let workers = min(jobs, max(state.pending.count, 1))
        let units = self.units
        // A worker with no task left lends its core to the tasks still training (the last wave),
        // as does a job slot with no worker (fewer pending tasks than jobs, as on a resume).
        let spare = SpareCores()
        for _ in workers..<jobs { spare.give() }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            defer { spare.give() }
            while let slot = state.take() {
                let unit = units[slot]
                do {
                    let epochs = unit.runner.settings.training.epochs
                    let result = try unit.runner.run(index: unit.index, split: unit.split, spareCores: spare) { record in
                        onEvent?(.epoch(task: unit.index, record: record, totalEpochs: epochs))
                    }
                    try journal?.append(result)
                    let done = state.store(result, at: slot)
                    onEvent?(.taskFinished(result, done: done, total: units.count, resumed: false))
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
