import ArgumentParser
import CVKit
import Foundation

/// `kfold`, `loocv` and `split`: the splits trained with a journal, the report, the table or JSON.
enum CrossValidationSession {
    /// Before any unit: the memory of the tasks that train side by side (refused when it cannot
    /// fit), and the resampler's warnings on stderr.
    /// Returns the jobs to run with — `execution.jobs`, or fewer (with a note) when only that many
    /// trainings fit in memory at once — and the resampler's warnings, made once (a group K-fold's
    /// warnings split the data again), for the report.
    @discardableResult
    static func prepare(_ settings: RunSettings, dataset: Dataset, execution: ExperimentSession.Execution) throws -> (jobs: Int, warnings: [String]) {
        let resampler = settings.resampler()
        let splits = try resampler.splits(labels: dataset.labels, groups: dataset.groups)
        var config = settings.network
        config.inputs = Preprocessing.width(of: dataset, minCategoryCount: settings.csv.minCategoryCount)
        config.classes = dataset.classCount
        let wanted = min(execution.jobs, splits.count)
        let rowBytes = MemoryEstimate.taskRowBytes(trainRows: splits.map(\.trainCount).max() ?? 0, testRows: splits.map(\.test.count).max() ?? 0,
                                                   classes: config.classes, inputs: config.inputs)
        let fitting = try MemoryEstimate.tasksThatFit(config, batch: settings.training.batchSize, tasks: wanted, rowBytes: rowBytes)
        if fitting < wanted && !execution.quiet {
            Standard.error("cvkit: note: \(wanted) trainings at once would need about "
                + String(format: "%.1f GB", (MemoryEstimate.trainingBytes(config, batch: settings.training.batchSize) + rowBytes) * Double(wanted) / 1e9)
                + " of memory; running \(fitting) at a time (--jobs \(fitting)). Results do not depend on it.")
        }
        let warnings = resampler.warnings(labels: dataset.labels, groups: dataset.groups, classNames: dataset.classNames)
        if !execution.quiet { for warning in warnings { Standard.error("cvkit: warning: \(warning)") } }
        return (fitting < wanted ? fitting : execution.jobs, warnings)
    }

    static func run(_ experiment: CrossValidationExperiment, _ context: ExperimentSession.Context) throws -> [ExperimentRunner.Unit]? {
        let settings = experiment.settings, dataset = context.dataset
        let repeated = settings.scheme == .kfold && settings.repeats > 1
        let progress = Progress(quiet: context.execution.quiet, total: context.total) { result in
            let name = settings.scheme == .split ? "split" : (repeated ? "repeat \(result.repetition + 1) fold \(result.fold + 1)" : "fold \(result.fold + 1)")
            let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "DIVERGED at epoch \(result.history.divergedAtEpoch ?? result.history.epochs.count)"
            let epochs = result.history.epochs.count
            return "\(name): \(score), \(epochs) epoch\(epochs == 1 ? "" : "s"), \(String(format: "%.2f", result.seconds)) s"
        }
        let trainingStarted = Date()
        let driven = try ExperimentSession.drive(experiment, context) { progress.handle($0) }
        let trainingSeconds = Date().timeIntervalSince(trainingStarted)
        progress.finish()
        let tasks: [TaskResult]
        if let output = driven.output {
            tasks = output
        } else if case .partial = context.mode {
            tasks = context.finished.sorted { $0.index < $1.index }
        } else {
            return driven.pending
        }
        let results = CrossValidationResults.make(settings: settings, dataset: dataset, tasks: tasks, warnings: context.warnings)
        let timings = CrossValidationReportWriter.Timings(
            wallSeconds: Date().timeIntervalSince(context.started), jobs: context.execution.jobs, resumedTasks: context.finished.count,
            taskSeconds: tasks.map(\.seconds), trainingSamples: tasks.map(\.history.samplesSeen).reduce(0, +),
            trainingSeconds: driven.output != nil && context.finished.isEmpty ? trainingSeconds : nil)
        try CrossValidationReportWriter.write(results: results, tasks: tasks, dataset: dataset, folder: context.folder, timings: timings)

        if context.execution.json {
            FileHandle.standardOutput.write(try ReportJSON.encode(JSONWithReportDir(results: results, reportDir: context.folder)))
        } else {
            printFitted(CrossValidationText.render(results, folder: context.folder, seconds: timings.wallSeconds))
        }
        if results.summary.diverged == results.summary.folds { throw ExitCode(ExitStatus.checkFailed) }
        return nil
    }
}

/// `--json`: the results object plus the report folder's path.
struct JSONWithReportDir: Encodable {
    var results: CrossValidationResults
    var reportDir: String

    func encode(to encoder: Encoder) throws {
        try results.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(reportDir, forKey: Key(stringValue: "reportDir"))
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
