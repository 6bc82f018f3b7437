import CVKit
import Foundation

/// The orchestration every experiment command shares, written once: load the data, open the
/// report folder and its journal, drive the experiment, write the report, print it. A command
/// only builds its `RunSpecification`; `merge` rebuilds the same value from the plan and calls
/// the same code, which is why its report has the local run's bytes.
enum ExperimentSession {
    /// Where the units' results come from.
    enum Mode {
        /// Train whatever is missing, here (a local run).
        case train
        /// Train nothing: the journal holds the results (`merge`). Units still missing are the next
        /// phase, handed back to the caller.
        case collect
        /// Train nothing and report what is there (`merge --allow-partial`; cross-validation only).
        case partial
    }

    /// How a run is executed and shown (none of it changes the results).
    struct Execution {
        var reportDir: String
        var jobs: Int
        var resume: Bool
        var json: Bool
        var quiet: Bool
    }

    /// What every kind of run is given.
    struct Context {
        var dataset: Dataset
        var folder: String
        var journal: Journal
        var finished: [TaskResult]
        var execution: Execution
        var mode: Mode
        var started: Date
        /// Units of every phase (the journal header's task count): the progress line's total.
        var total: Int
        /// The resampler's warnings (cross-validation runs; empty otherwise), made once by `prepare`.
        var warnings: [String] = []
    }

    /// Runs `spec` and writes its report into `execution.reportDir`. Returns the units of a further
    /// phase (mode `.collect`), or nil when the report is written.
    @discardableResult
    static func run(_ spec: RunSpecification, execution given: Execution, mode: Mode = .train) throws -> [ExperimentRunner.Unit]? {
        let started = Date()
        switch spec {
        case .search(_, let refitOut?), .nested(_, let refitOut?): try OutputPath.checkCreatable(refitOut)
        default: break
        }
        DataOptions.announceIfFIFO(spec.base.dataPath)
        let dataset = try spec.loadDataset()
        var execution = given
        var warnings: [String] = []
        if case .crossValidation(let run) = spec {
            (execution.jobs, warnings) = try CrossValidationSession.prepare(run.settings, dataset: dataset, execution: execution)
        }
        let folder = execution.reportDir + "/" + spec.reportFolderName
        let hasJournal = FileManager.default.fileExists(atPath: folder + "/journal.jsonl")
        if execution.resume && !hasJournal && !execution.quiet {
            Standard.error("cvkit: note: nothing to resume: no journal in \(folder) (the folder this command and data file name); starting the run")
        }
        // A journal without its report is a run that stopped: starting over throws its work away.
        if !execution.resume && hasJournal && !FileManager.default.fileExists(atPath: folder + "/report.md") && !execution.quiet {
            Standard.error("cvkit: note: \(folder) holds a run that stopped before its report; starting over (add --resume to continue it instead)")
        }
        try ReportFolder.create(folder)
        let header = try spec.journalHeader(dataset: dataset)
        let (journal, finished) = try Journal.open(folder: folder, header: header, resume: execution.resume)
        // Altered, garbage, torn or duplicate records found on resume: always said (integrity is not progress).
        for problem in journal.problems { Standard.error("cvkit: warning: \(problem)") }
        if execution.resume && !finished.isEmpty && !execution.quiet {
            Standard.error("cvkit: note: resumed \(finished.count) finished task\(finished.count == 1 ? "" : "s") from \(folder)/journal.jsonl")
        }
        let context = Context(dataset: dataset, folder: folder, journal: journal, finished: finished, execution: execution, mode: mode, started: started,
                              total: header.taskCount, warnings: warnings)
        switch spec {
        case .crossValidation(let run): return try CrossValidationSession.run(run, context)
        case .search(let search, let refitOut): return try SearchSession.run(search, refitOut: refitOut, context)
        case .nested(let nested, let refitOut): return try NestedSession.run(nested, refitOut: refitOut, context)
        case .compare(let comparison): return try CompareSession.run(comparison, context)
        }
    }

    /// The experiment's output, or the units it still needs (mode `.collect`). `.partial` is the
    /// caller's to handle: here it collects.
    static func drive<E: Experiment>(_ experiment: E, _ context: Context, onEvent: (@Sendable (ExperimentEvent) -> Void)?) throws
        -> (output: E.Output?, pending: [ExperimentRunner.Unit]) {
        switch context.mode {
        case .train:
            let output = try experiment.run(dataset: context.dataset, jobs: context.execution.jobs, journal: context.journal,
                                            finished: context.finished, onEvent: onEvent)
            return (output, [])
        case .collect, .partial:
            let done = Dictionary(context.finished.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
            switch try experiment.step(dataset: context.dataset, finished: done) {
            case .done(let output): return (output, [])
            case .needs(let units): return (nil, units)
            }
        }
    }
}

extension RunOptions {
    var session: ExperimentSession.Execution { ExperimentSession.Execution(reportDir: reportDir, jobs: jobs, resume: resume, json: json, quiet: quiet) }
}
