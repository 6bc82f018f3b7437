import CVKit
import Foundation

/// `search`: the trials, the report, the ranking on the terminal; `--refit-out` fits the winner.
enum SearchSession {
    static func run(_ search: HyperparameterSearch, refitOut: String?, _ context: ExperimentSession.Context) throws -> [ExperimentRunner.Unit]? {
        let base = search.base, dataset = context.dataset
        let splitsCount = try base.resampler().splits(labels: dataset.labels, groups: dataset.groups).count
        let progress = Progress(quiet: context.execution.quiet, total: context.total) { result in
            let trial = result.index / splitsCount + 1
            let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "diverged"
            return "trial \(trial) fold \(result.fold + 1): \(score)"
        }
        let driven = try ExperimentSession.drive(search, context) { progress.handle($0) }
        progress.finish()
        guard let outcome = driven.output else { return driven.pending }
        let warnings = base.resampler().warnings(labels: dataset.labels, groups: dataset.groups, classNames: dataset.classNames)
        var results = SearchResults.make(search: search, dataset: dataset, trials: outcome.trials, rounds: outcome.rounds, warnings: warnings)
        if let refitOut, let winner = TrialScoring.select(outcome.trials, rule: search.selection) {
            // The chosen configuration, trained on every row: the model a user keeps.
            let settings = try SearchConfig.apply(winner.sampled, to: base)
            let model = try FinalModel.fit(dataset, settings: settings)
            try AtomicFile.write(try model.encoded(), to: refitOut)
            results.refitModel = refitOut
        }
        let timings = CrossValidationReportWriter.Timings(
            wallSeconds: Date().timeIntervalSince(context.started), jobs: context.execution.jobs, resumedTasks: context.finished.count,
            taskSeconds: [], trainingSamples: 0)
        try SearchReportWriter.write(results: results, space: search.space, folder: context.folder, timings: timings)
        if context.execution.json {
            FileHandle.standardOutput.write(try ReportJSON.encode(WithReportDir(value: results, reportDir: context.folder)))
            return nil
        }
        let name = base.metric
        let title = name.pooledHeadline ? "\(name.title) (pooled)" : name.title
        var table = TextTable([("rank", .right), ("trial", .right), ("round", .right), (title, .right), ("sd", .right), ("lr", .right), ("l2", .right), ("hidden", .left)])
        for (rank, trial) in results.trials.prefix(10).enumerated() {
            table.add([String(rank + 1), String(trial.trial), String(trial.round), NumberFormat.fixed(TrialScoring.objective(trial), 4), NumberFormat.fixed(trial.score.sd, 4),
                       SearchConfig.format(trial.config.lr), SearchConfig.format(trial.config.l2),
                       trial.config.hidden.isEmpty ? "none" : trial.config.hidden.map(String.init).joined(separator: ",")])
        }
        printFitted("search (\(results.method)) on \(base.dataPath): \(results.trials.count) trials × \(base.k)-fold CV\n")
        printFitted(table.render(indent: "  "))
        let chosen = results.trials.first { $0.trial == results.best.trial }
        let best = chosen.map(TrialScoring.objective) ?? results.best.score.mean
        printFitted("\nbest: trial \(results.best.trial), \(title) \(NumberFormat.fixed(best, 4)) ± \(NumberFormat.fixed(results.best.score.sd, 4))")
        printFitted("  \(results.best.commandLine)")
        if let refitOut { printFitted("  refit on every row: \(refitOut) (cvkit predict \(Shell.quote(refitOut)) DATA.csv)") }
        for warning in results.warnings { printFitted("  warning: \(warning)") }
        printFitted("\nreport: \(context.folder)/report.md")
        return nil
    }
}
