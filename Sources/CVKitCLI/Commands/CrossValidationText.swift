import CVKit

/// The short table a run prints on stdout.
enum CrossValidationText {
    static func render(_ r: CrossValidationResults, folder: String, seconds: Double) -> String {
        var out: [String] = []
        out.append("\(r.command) on \(r.data.path): \(r.data.rows) rows, \(r.data.features) features, \(r.data.classes.count) classes in \"\(r.data.label)\" · \(r.protocol.scheme)")
        out.append("")
        let showFolds = r.command != "loocv"
        if showFolds {
            let repeated = r.protocol.repeats > 1
            var table = TextTable([(repeated ? "repeat/fold" : "fold", .left), ("train", .right), ("test", .right), ("accuracy", .right),
                                   ("macro-F1", .right), ("log loss", .right), ("epochs", .right)])
            for fold in r.folds {
                table.add([repeated ? "\(fold.repetition + 1)/\(fold.fold + 1)" : String(fold.fold + 1), String(fold.nTrain), String(fold.nTest),
                           fold.diverged ? "diverged (epoch \(fold.divergedAtEpoch ?? fold.epochs))\(fold.accuracy.map { ": majority class " + NumberFormat.fixed($0, 4) } ?? "")"
                               : fold.accuracy.map { NumberFormat.fixed($0, 4) } ?? "—",
                           fold.macroF1.map { NumberFormat.fixed($0, 4) } ?? "—", fold.logLoss.map { NumberFormat.fixed($0, 4) } ?? "—", String(fold.epochs)])
            }
            out.append(table.render(indent: "  "))
            out.append("")
        }
        let s = r.summary
        if s.headline != MetricName.accuracy.rawValue, let metric = MetricName(rawValue: s.headline) {
            out.append(headline(metric, r))
        }
        let a = r.summary.accuracy
        let interval = a.ci95.count == 2 ? "[\(NumberFormat.fixed(a.ci95[0], 4)), \(NumberFormat.fixed(a.ci95[1], 4))]" : "—"
        let kind = ["wilson": "Wilson", "wilson-pooled": "Wilson (pooled predictions)", "corrected-t": "corrected t"][r.summary.interval] ?? "t"
        if a.n == 0 {
            out.append("  accuracy  none: no fold finished (every fold's training diverged; see the warning)")
        } else if a.n >= 2 {
            out.append("  accuracy  \(NumberFormat.fixed(a.mean, 4)) ± \(NumberFormat.fixed(a.sd, 4)) (sd over \(a.n) \(r.command == "loocv" ? "rows" : "folds")), 95 % \(kind) interval \(interval)")
        } else {
            out.append("  accuracy  \(NumberFormat.fixed(a.mean, 4)) on \(r.folds.first?.nTest ?? 0) test rows (one split: no spread to report; cvkit kfold gives an interval)")
        }
        func meanText(_ summary: Summary) -> String { summary.n == 0 ? "—" : NumberFormat.fixed(summary.mean, 4) }
        out.append("  macro-F1  \(meanText(r.summary.macroF1))    log loss \(meanText(r.summary.logLoss))    majority baseline \(NumberFormat.fixed(r.summary.baselineAccuracy, 4))")
        func pooled(_ value: Double?) -> String { value.map { NumberFormat.fixed($0, 4) } ?? "—" }
        out.append("  pooled    balanced accuracy \(pooled(s.balancedAccuracy.pooled))    ROC AUC \(pooled(s.rocAuc.pooled))    PR AUC \(pooled(s.prAuc.pooled))"
            + "    Brier \(pooled(s.brier.pooled))    ECE \(pooled(s.ece.pooled))")
        for warning in r.warnings { out.append("  warning: \(warning)") }
        out.append("")
        out.append("report: \(folder)/report.md (\(NumberFormat.fixed(seconds, 1)) s)")
        return out.joined(separator: "\n")
    }

    /// The `--metric` line: the pooled out-of-fold value for metrics unstable on small folds
    /// (F1, AUC, AP), the mean over folds with its interval for the others.
    static func headline(_ metric: MetricName, _ r: CrossValidationResults) -> String {
        let s = CrossValidationMarkdown.summary(metric, r.summary)
        let kind = r.summary.interval == "corrected-t" ? "corrected t" : "t"
        let interval = s.ci95.count == 2 ? ", 95 % \(kind) interval [\(NumberFormat.fixed(s.ci95[0], 4)), \(NumberFormat.fixed(s.ci95[1], 4))]" : ""
        let perFold = s.n >= 2 && r.command != "loocv" ? "mean over \(s.n) folds \(NumberFormat.fixed(s.mean, 4)) ± \(NumberFormat.fixed(s.sd, 4))\(interval)" : ""
        let pooled = s.pooled.map { "pooled \(NumberFormat.fixed($0, 4))" } ?? "pooled —"
        let parts = metric.pooledHeadline || r.command == "loocv" ? [pooled, perFold] : [perFold, pooled]
        return "  \(metric.title) (headline)  " + parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
