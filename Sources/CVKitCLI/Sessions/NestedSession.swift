import CVKit
import Foundation

/// `nested`: inner searches and outer refits, the report, the table; `--refit-out` runs the same
/// search on every row and fits its winner.
enum NestedSession {
    static func run(_ nested: NestedCrossValidation, refitOut: String?, _ context: ExperimentSession.Context) throws -> [ExperimentRunner.Unit]? {
        let base = nested.base, dataset = context.dataset
        let progress = Progress(quiet: context.execution.quiet, total: context.total) { result in
            let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "diverged"
            return "task \(result.index + 1): fold \(result.fold + 1), \(score)"
        }
        let driven = try ExperimentSession.drive(nested, context) { progress.handle($0) }
        progress.finish()
        guard var results = driven.output else { return driven.pending }
        if let refitOut {
            // The procedure the estimate is for, once more on every row: search with inner folds, then
            // fit the winner. Trained here, also in a scale-out merge (its units are no plan's).
            var search = HyperparameterSearch(base: base, space: nested.space, method: nested.method, trials: nested.trials)
            search.selection = nested.selection
            let outcome = try search.run(dataset: dataset, jobs: context.execution.jobs)
            if let winner = TrialScoring.select(outcome.trials, rule: nested.selection) {
                let settings = try SearchConfig.apply(winner.sampled, to: base)
                try AtomicFile.write(try FinalModel.fit(dataset, settings: settings).encoded(), to: refitOut)
                results.refit = NestedResults.Refit(model: refitOut, sampled: winner.sampled, commandLine: settings.fitCommandLine)
            }
        }
        try ReportFolders.write(markdown: NestedMarkdown.render(results), results: results, folder: context.folder, started: context.started,
                                jobs: context.execution.jobs, resumed: context.finished.count, charts: NestedMarkdown.charts(results))
        if context.execution.json {
            FileHandle.standardOutput.write(try ReportJSON.encode(WithReportDir(value: results, reportDir: context.folder)))
            return nil
        }
        var table = TextTable([("outer fold", .right), ("inner score", .right), ("outer score", .right), ("lr", .right), ("l2", .right), ("hidden", .left)])
        for fold in results.outer {
            table.add([String(fold.fold + 1), NumberFormat.fixed(fold.innerScore, 4), NumberFormat.fixed(fold.outerScore, 4),
                       SearchConfig.format(fold.config.lr), SearchConfig.format(fold.config.l2),
                       fold.config.hidden.isEmpty ? "none" : fold.config.hidden.map(String.init).joined(separator: ",")])
        }
        printFitted("nested CV on \(base.dataPath): \(nested.outerK) outer × \(nested.innerK) inner folds, \(results.trials) trials per outer fold\n")
        printFitted(table.render(indent: "  "))
        let a = results.summary.score ?? results.summary.accuracy
        let title = results.summary.headline.flatMap(MetricName.init(rawValue:)).map { " (\($0.title))" } ?? ""
        let interval = a.ci95.count == 2 ? "[\(NumberFormat.fixed(a.ci95[0], 4)), \(NumberFormat.fixed(a.ci95[1], 4))]" : "—"
        printFitted("\n  nested estimate\(title)  \(NumberFormat.fixed(a.mean, 4)) ± \(NumberFormat.fixed(a.sd, 4)), 95 % t interval \(interval)")
        printFitted("  best inner score \(NumberFormat.fixed(results.summary.innerBest.mean, 4)) → optimism \(NumberFormat.fixed(results.optimism, 4))")
        if let refit = results.refit {
            printFitted("  refit on every row: \(refit.model) (" + refit.sampled.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + ")")
        }
        printFitted("\nreport: \(context.folder)/report.md")
        return nil
    }
}
