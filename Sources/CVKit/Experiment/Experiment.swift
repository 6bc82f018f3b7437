/// What an experiment needs next: more units trained, or nothing — then its output.
public enum ExperimentStep<Output> {
    /// These units have no result yet; every one of them is independent of the others.
    case needs([ExperimentRunner.Unit])
    case done(Output)
}

/// An experiment as a value — K-fold, LOOCV, holdout, search, nested CV, comparison: it lists
/// the independent units it still needs given the finished ones (the next phase, for multi-phase
/// experiments such as coarse-to-fine and nested CV), and assembles its output once none is missing.
///
/// `step` is a pure function of (experiment, data, finished results): it trains nothing. Whoever
/// drives it decides where units run — `run` here on threads with a journal, or `cvkit plan`,
/// `run-task` and `merge` on a cluster, one plan per phase — so a local run and a scaled-out one
/// are the same computation by construction. Unit indices are the journal keys.
public protocol Experiment: Sendable {
    associatedtype Output
    /// The units still missing from `finished` (keyed by unit index), or the output.
    func step(dataset: Dataset, finished: [Int: TaskResult]) throws -> ExperimentStep<Output>
}

extension Experiment {
    /// Drives every phase here: each step's units on `jobs` threads (`ExperimentRunner`), appended
    /// to `journal`, until the output. `finished` are results from an interrupted run (resume).
    public func run(dataset: Dataset, jobs: Int = 1, journal: Journal? = nil, finished: [TaskResult] = [],
                    onEvent: (@Sendable (ExperimentEvent) -> Void)? = nil) throws -> Output {
        var done = Dictionary(finished.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        if let onEvent {
            for (position, result) in finished.sorted(by: { $0.index < $1.index }).enumerated() {
                onEvent(.taskFinished(result, done: position + 1, total: finished.count, resumed: true))
            }
        }
        while true {
            switch try step(dataset: dataset, finished: done) {
            case .done(let output): return output
            case .needs(let units):
                guard !units.isEmpty else { throw CVKitError.invalidArgument("an experiment asked for no units and gave no output") }
                for result in try ExperimentRunner(units: units, jobs: jobs).run(journal: journal, onEvent: onEvent) { done[result.index] = result }
            }
        }
    }
}

/// One cross-validation run (`kfold`, `loocv`, `split`): every split of `settings.resampler()`
/// trained under `settings`; unit `i` is split `i`. Output: the task results in split order
/// (`CrossValidationResults.make` summarizes them).
public struct CrossValidationExperiment: Experiment, Sendable, Codable, Equatable {
    public var settings: RunSettings

    public init(settings: RunSettings) { self.settings = settings }

    public func step(dataset: Dataset, finished: [Int: TaskResult]) throws -> ExperimentStep<[TaskResult]> {
        let splits = try settings.resampler().splits(labels: dataset.labels, groups: dataset.groups)
        let runner = TaskRunner(dataset: dataset, settings: settings)
        let units = splits.enumerated().map { ExperimentRunner.Unit(index: $0, runner: runner, split: $1) }
        return ExperimentStep.collect(units, finished)
    }
}

extension ExperimentStep {
    /// `.needs` with the units of `units` that have no result, or `.done` with `transform` of all
    /// their results in unit order.
    static func collect(_ units: [ExperimentRunner.Unit], _ finished: [Int: TaskResult],
                        _ transform: ([TaskResult]) throws -> Output) rethrows -> ExperimentStep<Output> {
        let missing = units.filter { finished[$0.index] == nil }
        if !missing.isEmpty { return .needs(missing) }
        return .done(try transform(units.compactMap { finished[$0.index] }))
    }
}

extension ExperimentStep where Output == [TaskResult] {
    static func collect(_ units: [ExperimentRunner.Unit], _ finished: [Int: TaskResult]) -> ExperimentStep<[TaskResult]> {
        collect(units, finished) { $0 }
    }
}
