import Foundation

/// `report.md` of `cvkit search`: the best configuration first, as a command to paste, then
/// every trial ranked, the charts, and for coarse-to-fine the ranges of each round.
public enum SearchMarkdown {
    /// The ranking metric's name ("accuracy" unless `--metric` chose another).
    static func metricTitle(_ r: SearchResults) -> String {
        guard let metric = r.trials.first?.metric else { return "accuracy" }
        return metric.pooledHeadline ? "\(metric.title) (pooled)" : metric.title
    }

    public static func render(_ r: SearchResults, numericParameters: [String]) -> String {
        var out: [String] = []
        let f4 = CrossValidationMarkdown.f4
        out += ReportHeader.lines(
            title: "search: \(ReportHeader.dataName(r.data.path)) — best \(metricTitle(r)) \(f4(r.trials.first.map(TrialScoring.objective) ?? r.best.score.mean)) ± \(f4(r.best.score.sd)) (trial \(r.best.trial))",
            reproduce: "Reproduce the search with:", commandLine: r.commandLine, cvkitVersion: r.cvkitVersion, path: r.data.path,
            sha256: r.data.sha256, rows: r.data.rows, features: r.data.features, classes: r.data.classes.count)
        out.append("## Best configuration")
        out.append("")
        out.append("Cross-validate it on its own (ready to paste):")
        out.append("")
        out.append("```sh\n\(r.best.commandLine)\n```")
        out.append("")
        if let best = r.trials.first, !best.diagnosis.isEmpty {
            out.append("Diagnosis of the best trial's learning curves (mean over its folds):")
            out.append("")
            out.append(best.diagnosis.map { "- **\(Markdown.escape($0.verdict))** \(Markdown.escape($0.evidence)). \(Markdown.escape($0.advice))" }.joined(separator: "\n"))
            out.append("")
        }
        out.append("> The best of \(r.trials.count) trials is chosen on these very folds, so its score is optimistic: "
            + "the winner's luck on these splits is part of it. `cvkit nested` estimates the accuracy of the whole tuning procedure honestly.")
        out.append("")
        out.append("## Protocol")
        out.append("")
        out.append("- Method: \(r.method); every trial is scored by stratified \(r.k)-fold cross-validation on the same folds (seed \(r.seed)); "
            + (r.trials.first?.metric.map { metric in
                metric.pooledHeadline ? "score = \(metric.title) of the trial's pooled out-of-fold predictions (unstable on single folds); sd over folds."
                    : "score = mean test \(metric.title) over folds, a diverged fold scored as the majority-class predictor of its training part"
                        + (metric.lowerIsBetter ? "; lower is better." : ".")
            } ?? "score = mean test accuracy over folds, a diverged fold scored as the majority-class predictor of its training part."))
        out.append("- Space: \(Markdown.code(r.space)).")
        if r.rounds.count > 1 {
            out.append("")
            var rounds = MarkdownTable([("round", .right), ("trials", .right), ("space sampled", .left)])
            for round in r.rounds { rounds.addMarkdown([String(round.round), String(round.trials), Markdown.code(round.space)]) }
            out.append(rounds.render())
        }
        out.append("")
        if let columns = r.data.columns {
            out.append("Preprocessing (imputation with indicators, one-hot encoding, standardization) is fitted on each training part only.")
            out.append("")
            out += ColumnsMarkdown.table(columns)
        }
        out.append("## Trials, best first")
        out.append("")
        let raced = r.trials.contains { $0.droppedAtFold != nil }
        var table = MarkdownTable([("rank", .right), ("trial", .right), ("round", .right), (metricTitle(r), .right), ("sd", .right),
                                   ("lr", .right), ("l2", .right), ("hidden", .left), ("batch", .right), ("epochs", .right), ("optimizer", .left), ("diverged folds", .right)]
                                  + (raced ? [("race", .left)] : []))
        for (rank, trial) in r.trials.enumerated() {
            let c = trial.config
            table.add([String(rank + 1), String(trial.trial), String(trial.round), f4(TrialScoring.objective(trial)), f4(trial.score.sd),
                       SearchConfig.format(c.lr), SearchConfig.format(c.l2), c.hidden.isEmpty ? "none" : c.hidden.map(String.init).joined(separator: ","),
                       String(c.batchSize), String(c.epochs), c.optimizer, String(trial.divergedFolds)]
                      + (raced ? [trial.droppedAtFold.map { "dropped after fold \($0) (p \(String(format: "%.3g", trial.raceP ?? 0)))" } ?? "ran every fold"] : []))
        }
        out.append(table.render())
        out.append("")
        if !numericParameters.isEmpty {
            out.append("## Score against each searched parameter")
            out.append("")
            for name in numericParameters { out.append("![accuracy against \(name)](search-\(name).svg)") }
            out.append("")
        }
        out.append("## Warnings")
        out.append("")
        out.append(r.warnings.isEmpty ? "None." : r.warnings.map { "- " + Markdown.escape($0) }.joined(separator: "\n"))
        if let model = r.refitModel {
            out.append("")
            out.append("The best configuration (trial \(r.best.trial)) was refitted on every row: \(Markdown.code(model)) (`cvkit predict` reads it).")
        }
        out.append("")
        return out.joined(separator: "\n")
    }
}
