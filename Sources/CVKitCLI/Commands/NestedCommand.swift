import ArgumentParser
import CVKit
import Foundation

struct NestedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nested",
        abstract: "Nested cross-validation: an honest estimate of tuning and training together.",
        discussion: """
            Each outer fold searches hyperparameters with inner K-fold CV on its training rows only, retrains the \
            best on them, and scores it once on its test rows. Reports the nested estimate and the optimism of the \
            best inner scores.
            Example: cvkit nested datasets/wine.csv --outer 5 --inner 3 --trials 20
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Outer folds (the estimate).") var outer: Int = 5
    @Option(help: "Inner folds (scoring each trial).") var inner: Int = 3
    @Flag(help: "Plain K-fold for both levels.") var noStratify = false
    @OptionGroup var searchOptions: SearchOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var metric: MetricOptions
    @Option(help: ArgumentHelp("Run the same search on every row (as the inner loop did on each outer training part), fit its winner on every row and write the model here.",
                               valueName: "file"))
    var refitOut: String?
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if outer < 2 || inner < 2 { throw ValidationError("--outer and --inner must be at least 2 (got \(outer) and \(inner))") }
        if searchOptions.method == "coarse-to-fine" { throw ValidationError("nested runs --method random or grid inside each outer fold") }
        if let refitOut, refitOut.isEmpty { throw ValidationError("--refit-out needs a file name") }
    }

    func run() throws {
        try reportingErrors {
            let started = Date()
            var base = RunSettings(scheme: .kfold, dataPath: dataOptions.data, csv: try dataOptions.csvOptions(), k: inner, stratified: !noStratify,
                                   network: try model.network(), training: try model.training(), seed: execution.seed, metric: try metric.name())
            base.validationFraction = model.valFraction
            var nested = NestedCrossValidation(
                base: base, outerK: outer, innerK: inner, space: try searchOptions.checkedSpace(base: base),
                method: HyperparameterSearch.Method(rawValue: searchOptions.method) ?? .random, trials: searchOptions.trials)
            nested.selection = searchOptions.selection
            let dataset = try CSVLoader.load(path: base.dataPath, options: base.csv)
            let folder = execution.reportDir + "/" + ReportFolders.name(dataPath: base.dataPath, command: "nested", commandLine: nested.commandLine)
            let (journal, finished) = try ReportFolders.openJournal(
                folder: folder, commandLine: nested.commandLine, dataset: dataset, taskCount: try nested.taskCount(), resume: execution.resume)
            let progress = Progress(quiet: execution.quiet) { result in
                let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "diverged"
                return "task \(result.index + 1): fold \(result.fold + 1), \(score)"
            }
            var results = try nested.run(dataset: dataset, jobs: execution.jobs, journal: journal, finished: finished) { progress.handle($0) }
            progress.finish()
            if let refitOut {
                // The procedure the estimate is for, once more on every row: search with inner folds, then fit the winner.
                let search = HyperparameterSearch(base: base, space: nested.space, method: nested.method, trials: nested.trials)
                // Trained here even when a scale-out merge runs this command (its units are no plan's).
                let (trials, _) = try ExperimentRunner.$mode.withValue(.execute) { try search.run(dataset: dataset, jobs: execution.jobs, journal: nil) }
                if let winner = TrialScoring.select(trials, rule: searchOptions.selection) {
                    let settings = try SearchConfig.apply(winner.sampled, to: base)
                    try AtomicFile.write(try FinalModel.fit(dataset, settings: settings).encoded(), to: refitOut)
                    results.refit = NestedResults.Refit(model: refitOut, sampled: winner.sampled, commandLine: settings.fitCommandLine)
                }
            }
            try ReportFolders.write(markdown: NestedMarkdown.render(results), results: results, folder: folder, started: started, jobs: execution.jobs,
                                    resumed: finished.count)
            if execution.json {
                FileHandle.standardOutput.write(try ReportJSON.encode(WithReportDir(value: results, reportDir: folder)))
                return
            }
            var table = TextTable([("outer fold", .right), ("inner score", .right), ("outer score", .right), ("lr", .right), ("l2", .right), ("hidden", .left)])
            for fold in results.outer {
                table.add([String(fold.fold + 1), NumberFormat.fixed(fold.innerScore, 4), NumberFormat.fixed(fold.outerScore, 4),
                           SearchConfig.format(fold.config.lr), SearchConfig.format(fold.config.l2),
                           fold.config.hidden.isEmpty ? "none" : fold.config.hidden.map(String.init).joined(separator: ",")])
            }
            print("nested CV on \(base.dataPath): \(outer) outer × \(inner) inner folds, \(results.trials) trials per outer fold\n")
            print(table.render(indent: "  "))
            let a = results.summary.score ?? results.summary.accuracy
            let title = results.summary.headline.flatMap(MetricName.init(rawValue:)).map { " (\($0.title))" } ?? ""
            let interval = a.ci95.count == 2 ? "[\(NumberFormat.fixed(a.ci95[0], 4)), \(NumberFormat.fixed(a.ci95[1], 4))]" : "—"
            print("\n  nested estimate\(title)  \(NumberFormat.fixed(a.mean, 4)) ± \(NumberFormat.fixed(a.sd, 4)), 95 % t interval \(interval)")
            print("  best inner score \(NumberFormat.fixed(results.summary.innerBest.mean, 4)) → optimism \(NumberFormat.fixed(results.optimism, 4))")
            if let refit = results.refit {
                print("  refit on every row: \(refit.model) (" + refit.sampled.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + ")")
            }
            print("\nreport: \(folder)/report.md")
        }
    }
}
