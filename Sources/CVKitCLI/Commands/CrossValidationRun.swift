import ArgumentParser
import CVKit
import Foundation

/// The body shared by `kfold`, `loocv` and `split`: load, split, run the tasks with a journal,
/// write the report, print the table or the JSON.
enum CrossValidationRun {
    static func execute(settings: RunSettings, run: RunOptions) throws {
        let started = Date()
        var csv = settings.csv
        csv.groups = settings.groups.map(ColumnSelector.init(parsing:))
        var dataset = try CSVLoader.load(path: settings.dataPath, options: csv)
        if settings.groupDuplicates { dataset = dataset.grouped(by: DuplicateRows(dataset).groupCodes, name: "(identical rows)") }
        let resampler = settings.resampler()
        let splits = try resampler.splits(labels: dataset.labels, groups: dataset.groups)
        // Memory for the tasks that train side by side, checked before any is started.
        var config = settings.network
        config.inputs = Preprocessing.fit(dataset, rows: Array(0..<dataset.rowCount), minCategoryCount: settings.csv.minCategoryCount).width
        config.classes = dataset.classCount
        try MemoryEstimate.check(config, batch: settings.training.batchSize, tasks: min(run.jobs, splits.count))
        let warnings = resampler.warnings(labels: dataset.labels, groups: dataset.groups)
        if !run.quiet { for warning in warnings { Standard.error("cvkit: warning: \(warning)") } }

        let folder = run.reportDir + "/" + settings.reportFolderName
        try ReportFolder.create(folder)
        let header = Journal.Header(
            cvkitVersion: CVKitVersion.current, settingsHash: settings.hash, commandLine: settings.commandLine,
            dataSHA256: dataset.source.sha256, taskCount: splits.count)
        let (journal, finished) = try Journal.open(folder: folder, header: header, resume: run.resume)

        let repeated = settings.scheme == .kfold && settings.repeats > 1
        let progress = Progress(quiet: run.quiet) { result in
            let name = settings.scheme == .split ? "split" : (repeated ? "repeat \(result.repetition + 1) fold \(result.fold + 1)" : "fold \(result.fold + 1)")
            let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "DIVERGED at epoch \(result.history.divergedAtEpoch ?? result.history.epochs.count)"
            return "\(name): \(score), \(result.history.epochs.count) epochs, \(String(format: "%.2f", result.seconds)) s"
        }
        let runner = ExperimentRunner(runner: TaskRunner(dataset: dataset, settings: settings), splits: splits, jobs: run.jobs)
        let tasks = try runner.run(journal: journal, finished: finished) { progress.handle($0) }
        progress.finish()

        let results = CrossValidationResults.make(settings: settings, dataset: dataset, tasks: tasks, warnings: warnings)
        let timings = CrossValidationReportWriter.Timings(
            wallSeconds: Date().timeIntervalSince(started), jobs: run.jobs, resumedTasks: finished.count,
            taskSeconds: tasks.map(\.seconds), trainingSamples: tasks.map(\.history.samplesSeen).reduce(0, +))
        try CrossValidationReportWriter.write(results: results, tasks: tasks, dataset: dataset, folder: folder, timings: timings)

        if run.json {
            FileHandle.standardOutput.write(try ReportJSON.encode(JSONWithReportDir(results: results, reportDir: folder)))
        } else {
            print(CrossValidationText.render(results, folder: folder, seconds: timings.wallSeconds))
        }
        if results.summary.diverged == results.summary.folds { throw ExitCode(ExitStatus.checkFailed) }
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
