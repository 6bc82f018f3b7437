import ArgumentParser
import CVKit
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Hyperparameter search (random on a log scale, grid, coarse-to-fine), each trial scored by K-fold CV.",
        discussion: """
            Every trial trains on the same stratified K-fold splits. The report ranks the trials, charts the score \
            against each numeric parameter, and gives the best configuration as a command to paste.
            Example: cvkit search datasets/wine.csv --trials 20 --k 5 --space 'lr=log(1e-4,1e-1) l2=log(1e-6,1e-2)'
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Folds scoring each trial.") var k: Int = 5
    @OptionGroup var searchOptions: SearchOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @Option(help: ArgumentHelp("Fit the best configuration on every row and write the model here (see cvkit predict).", valueName: "file"))
    var refitOut: String?
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if k < 2 { throw ValidationError("--k must be at least 2 (got \(k))") }
        if let refitOut, refitOut.isEmpty { throw ValidationError("--refit-out needs a file name") }
    }

    func run() throws {
        try reportingErrors {
            let started = Date()
            var base = RunSettings(scheme: .kfold, dataPath: dataOptions.data, csv: try dataOptions.csvOptions(), k: k,
                                   network: try model.network(), training: try model.training(), seed: execution.seed, metric: try metric.name())
            base.validationFraction = model.valFraction
            let search = try searchOptions.search(base: base)
            let dataset = try CSVLoader.load(path: base.dataPath, options: base.csv)
            let total = try search.trialCount()
            let splitsCount = try base.resampler().splits(labels: dataset.labels, groups: dataset.groups).count
            let folder = execution.reportDir + "/" + ReportFolders.name(dataPath: base.dataPath, command: "search", commandLine: search.commandLine)
            let (journal, finished) = try ReportFolders.openJournal(
                folder: folder, commandLine: search.commandLine, dataset: dataset, taskCount: total * splitsCount, resume: execution.resume)
            let progress = Progress(quiet: execution.quiet) { result in
                let trial = result.index / splitsCount + 1
                let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "diverged"
                return "trial \(trial) fold \(result.fold + 1): \(score)"
            }
            let (trials, rounds) = try search.run(dataset: dataset, jobs: execution.jobs, journal: journal, finished: finished) { progress.handle($0) }
            progress.finish()
            let warnings = base.resampler().warnings(labels: dataset.labels, groups: dataset.groups)
            var results = SearchResults.make(search: search, dataset: dataset, trials: trials, rounds: rounds, warnings: warnings)
            if let refitOut, let winner = results.trials.first {
                // The chosen configuration, trained on every row: the model a user keeps.
                let settings = try SearchConfig.apply(winner.sampled, to: base)
                let model = try FinalModel.fit(dataset, settings: settings)
                try AtomicFile.write(try model.encoded(), to: refitOut)
                results.refitModel = refitOut
            }
            let timings = CrossValidationReportWriter.Timings(
                wallSeconds: Date().timeIntervalSince(started), jobs: execution.jobs, resumedTasks: finished.count, taskSeconds: [], trainingSamples: 0)
            try SearchReportWriter.write(results: results, space: search.space, folder: folder, timings: timings)
            if execution.json {
                FileHandle.standardOutput.write(try ReportJSON.encode(WithReportDir(value: results, reportDir: folder)))
                return
            }
            let name = try metric.name()
            let title = name.pooledHeadline ? "\(name.title) (pooled)" : name.title
            var table = TextTable([("rank", .right), ("trial", .right), ("round", .right), (title, .right), ("sd", .right), ("lr", .right), ("l2", .right), ("hidden", .left)])
            for (rank, trial) in results.trials.prefix(10).enumerated() {
                table.add([String(rank + 1), String(trial.trial), String(trial.round), NumberFormat.fixed(TrialScoring.objective(trial), 4), NumberFormat.fixed(trial.score.sd, 4),
                           SearchConfig.format(trial.config.lr), SearchConfig.format(trial.config.l2),
                           trial.config.hidden.isEmpty ? "none" : trial.config.hidden.map(String.init).joined(separator: ",")])
            }
            print("search (\(results.method)) on \(base.dataPath): \(results.trials.count) trials × \(k)-fold CV\n")
            print(table.render(indent: "  "))
            let best = results.trials.first.map(TrialScoring.objective) ?? results.best.score.mean
            print("\nbest: trial \(results.best.trial), \(title) \(NumberFormat.fixed(best, 4)) ± \(NumberFormat.fixed(results.best.score.sd, 4))")
            print("  \(results.best.commandLine)")
            if let refitOut { print("  refit on every row: \(refitOut) (cvkit predict \(Shell.quote(refitOut)) DATA.csv)") }
            for warning in results.warnings { print("  warning: \(warning)") }
            print("\nreport: \(folder)/report.md")
        }
    }
}
