import Foundation

/// `report.md` for `kfold`, `loocv` and `split`: what a reader needs, top to bottom — the headline
/// with its uncertainty and baseline, how it was measured, then the detail.
public enum CrossValidationMarkdown {
    public static func render(_ r: CrossValidationResults) -> String {
        let s = r.summary
        var out: [String] = []
        let metric = MetricName(rawValue: s.headline) ?? .accuracy
        let headline = summary(metric, s)
        let spread = headline.n >= 2 ? " ± \(f4(headline.sd))" : ""
        let title = headline.n == 0 ? "no fold finished"
            : metric == .accuracy || !(metric.pooledHeadline || r.command == "loocv")
            ? "\(metric.title) \(f4(headline.mean))\(spread)" : "\(metric.title) \(headline.pooled.map(f4) ?? "—") (pooled)"
        out += ReportHeader.lines(
            title: "\(r.command): \(ReportHeader.dataName(r.data.path)) — \(title)", commandLine: r.commandLine,
            cvkitVersion: r.cvkitVersion, path: r.data.path, sha256: r.data.sha256, rows: r.data.rows, features: r.data.features,
            classes: r.data.classes.count, label: r.data.label)

        out.append("## Summary")
        out.append("")
        var table = MarkdownTable([("metric", .left), ("mean", .right), ("sd", .right), ("95 % interval", .right), ("n", .right), ("pooled", .right)])
        func sd(_ summary: Summary) -> String { summary.n >= 2 ? f4(summary.sd) : "—" }
        func ci(_ summary: Summary) -> String { summary.n >= 2 ? interval(summary.ci95) : "—" }
        func mean(_ summary: Summary) -> String { summary.n >= 1 ? f4(summary.mean) : "—" }
        for name in MetricName.allCases {
            let m = summary(name, s)
            let label = name == metric ? "**\(name.title)** (headline)" : name.title
            // Titles are cvkit's own words (letters, spaces, hyphens): safe as Markdown.
            table.addMarkdown([label, mean(m), r.command == "loocv" && name != .accuracy ? "—" : sd(m), ci(m), String(m.n),
                               m.pooled.map(f4) ?? "—"])
        }
        table.add(["expected calibration error", mean(s.ece), sd(s.ece), ci(s.ece), String(s.ece.n), s.ece.pooled.map(f4) ?? "—"])
        table.add(["majority-class baseline accuracy", f4(s.baselineAccuracy), "", "", String(s.folds), ""])
        out.append(table.render())
        out.append("")
        out.append("`mean` is over folds; `pooled` scores all out-of-fold predictions at once (scikit-learn's `cross_val_predict`, then the metric). "
            + "F1, ROC AUC and PR AUC are unstable on small folds and undefined on a fold that lacks a class, so for them the pooled value is the one to quote"
            + (metric.pooledHeadline ? " — and the headline here." : "."))
        out.append("")
        out.append("![ROC curve](roc.svg) ![precision–recall curve](precision-recall.svg) ![reliability diagram](reliability.svg)")
        out.append("")
        out.append(intervalNote(r))
        if s.diverged > 0 {
            out.append("")
            if let survivors = s.survivors {
                out.append("**\(s.diverged) of \(s.folds) folds diverged** and are scored as the majority-class predictor of their training part "
                    + "(mlr3's fallback learner) in every figure above; the \(survivors.n) folds that finished score \(metric.title) \(f4(survivors.mean)), "
                    + "95 % interval \(interval(survivors.ci95)), on their own (see Warnings).")
            } else {
                out.append("**No fold finished**: every fold's training diverged, so there is no model to score (see Warnings).")
            }
        }
        out.append("")
        if r.command != "split" {
            out.append("![accuracy per fold, with the mean and its interval](folds.svg)")
            out.append("")
        }

        out.append("## Diagnosis")
        out.append("")
        out.append(diagnosis(r))
        out.append("")

        out.append("## Protocol")
        out.append("")
        let p = r.protocol
        switch r.command {
        case "kfold": out.append("- \(p.scheme.prefix(1).uppercased() + p.scheme.dropFirst()) cross-validation: k = \(p.k), \(p.repeats) repeat\(p.repeats == 1 ? "" : "s")"
            + (p.groups.map { $0 == "(identical rows)" ? " (identical rows share a group: no test row has an exact twin in its training part)"
                : " (groups from column \(Markdown.code($0)): no group is in two folds)" } ?? "") + ", seed \(p.seed).")
        case "loocv": out.append("- Leave-one-out: \(p.k) trainings, each tested on one row; seed \(p.seed).")
        default: out.append("- \(p.scheme.prefix(1).uppercased() + p.scheme.dropFirst()): validation \(pct(p.validation ?? 0)), test \(pct(p.test ?? 0)) of the rows; "
            + "the epoch is chosen on the validation part (early stopping), and the test part is scored once, at the end; seed \(p.seed).")
        }
        out.append("- Preprocessing: \(p.preprocessing).")
        if let leak = r.leakage {
            out.append("- Exact twins (rows with identical features): \(leak.duplicateRows) rows in \(leak.twinSets) set\(leak.twinSets == 1 ? "" : "s"), \(leak.disagreeingSets) of which disagree on the label; "
                + "\(leak.testRowsWithTwin) of \(leak.testPredictions) test predictions were of a row with a twin outside its test part"
                + (leak.looksLikeCopies ? " — the twins look like copies (see Warnings)." : "."))
        }
        out.append("- Out-of-fold predictions: `predictions.csv` (row — the data row counted from 0, as pandas' index —, " + (r.data.columns?.contains { $0.role == .identifier } == true ? "the identifier, " : "")
            + "repeat and fold numbered as here, true and predicted class, `p_<class>` the probability of each class).")
        out.append("")
        if let columns = r.data.columns {
            out += ColumnsMarkdown.table(columns)
            let fitted = r.folds.compactMap(\.preprocessing)
            if let first = fitted.first, !first.isEmpty {
                out.append("Fitted on each training part (over \(fitted.count) fold\(fitted.count == 1 ? "" : "s")):")
                out.append("")
                var folds = MarkdownTable([("column", .left), ("imputed value (training median)", .left), ("indicator added", .right),
                                           ("one-hot columns", .left), ("test rows with a category unseen in training", .right)])
                for (position, column) in first.enumerated() {
                    let values = fitted.compactMap { $0.indices.contains(position) ? $0[position] : nil }
                    func range(_ numbers: [Double]) -> String {
                        guard let low = numbers.min(), let high = numbers.max() else { return "" }
                        return low == high ? Self.g4(low) : "\(Self.g4(low)) – \(Self.g4(high))"
                    }
                    let imputed = range(values.compactMap(\.imputed))
                    let indicator = column.indicator == nil ? "" : "\(values.filter { $0.indicator == true }.count) of \(values.count)"
                    let categories = range(values.compactMap { $0.categories.map(Double.init) })
                    let unseen = column.unseenInTest == nil ? "" : String(values.compactMap(\.unseenInTest).reduce(0, +))
                    folds.add([column.column, imputed, indicator, categories, unseen])
                }
                out.append(folds.render())
                out.append("")
            }
        }

        out.append("## Model")
        out.append("")
        let m = r.model
        out.append("- Layers: \(m.layers).")
        out.append("- \(NumberText.grouped(m.parameters)) parameters; \(NumberText.grouped(m.forwardFLOPsPerSample)) FLOPs per sample (forward).")
        out.append("- Initialization: \((Initialization(rawValue: m.initialization) ?? .he).description).")
        let optimizerNames = ["sgd": "SGD", "momentum": "SGD with momentum 0.9", "rmsprop": "RMSprop", "adam": "Adam"]
        out.append("- Training: \(optimizerNames[m.optimizer] ?? m.optimizer), learning rate \(Shell.number(m.lr)), decay \(m.lrDecay), L2 \(Shell.number(m.l2)), "
            + "\(m.epochs) epochs of mini-batches of \(m.batchSize)" + (m.patience.map { ", early stopping after \($0) epochs without a lower validation loss" } ?? "") + ".")
        out.append("")

        out.append("## Learning curves")
        out.append("")
        out.append(r.command == "split"
            ? "Mean over runs; the validation part is what early stopping watches."
            : r.folds.contains { $0.nValidation > 0 }
                ? "Mean over folds with the range of folds shaded. The held-out curve is each training part's validation slice, which chose the epoch (early stopping); the test fold is scored once, at the end."
                : "Mean over folds with the range of folds shaded. The held-out curve is the test fold, scored after each epoch only to draw it: no choice is made from it, and the diagnosis above does not read it.")
        out.append("")
        out.append("![learning curves](learning-curves.svg)")
        out.append("")

        out.append(r.command == "loocv" ? "## Per row (first 20)" : "## Per fold")
        out.append("")
        var folds = MarkdownTable([("repeat", .right), ("fold", .right), ("train", .right), ("test", .right), ("accuracy", .right),
                                   ("macro-F1", .right), ("log loss", .right), ("baseline", .right), ("initial loss", .right), ("epochs", .right), ("diverged", .left)])
        for fold in (r.command == "loocv" ? Array(r.folds.prefix(20)) : r.folds) {
            folds.add([String(fold.repetition + 1), String(fold.fold + 1), String(fold.nTrain), String(fold.nTest),
                       fold.accuracy.map(f4) ?? "—", fold.macroF1.map(f4) ?? "—", fold.logLoss.map(f4) ?? "—", f4(fold.baselineAccuracy),
                       fold.initialLoss.isFinite ? f4(fold.initialLoss) : "—", String(fold.epochs) + (fold.bestEpoch.map { " (best \($0))" } ?? ""),
                       fold.diverged ? "yes, epoch \(fold.divergedAtEpoch ?? fold.epochs); scored as the majority class" : "no"])
        }
        out.append(folds.render())
        out.append("")
        out.append("Initial loss: the cross-entropy of the untrained network on its first mini-batch; ln \(r.data.classes.count) = \(f4(log(Double(r.data.classes.count)))) is what a sound initialization gives.")
        out.append("")

        out.append("## Per class")
        out.append("")
        out.append("From the pooled out-of-fold predictions. `code` is the class in `predictions.csv`.")
        out.append("")
        var classes = MarkdownTable([("code", .right), ("class", .left), ("precision", .right), ("recall", .right), ("F1", .right), ("support", .right)])
        for (code, c) in r.perClass.enumerated() { classes.add([String(code), c.name, f4(c.precision), f4(c.recall), f4(c.f1), String(c.support)]) }
        out.append(classes.render())
        out.append("")

        out.append("## Confusion matrix")
        out.append("")
        out.append("Rows are the true class, columns the predicted class.")
        out.append("")
        var confusion = MarkdownTable([("true \\ predicted", .left)] + r.data.classes.map { ($0.name, MarkdownTable.Alignment.right) })
        for (index, row) in r.confusion.enumerated() { confusion.add([r.data.classes[index].name] + row.map(String.init)) }
        out.append(confusion.render())
        out.append("")
        out.append("![confusion matrix](confusion.svg)")
        out.append("")

        out.append("## Warnings")
        out.append("")
        out.append(r.warnings.isEmpty ? "None." : r.warnings.map { "- " + Markdown.escape($0) }.joined(separator: "\n"))
        out.append("")
        out.append("## Files")
        out.append("")
        out.append("`results.json` (everything above, for programs) · `predictions.csv` · `learning-curves.svg` · `confusion.svg` · `roc.svg` · `precision-recall.svg` · `reliability.svg`"
            + (r.command == "split" ? "" : " · `folds.svg`") + " · `journal.jsonl` (finished tasks, for `--resume`) · `timings.json` (wall times, kept apart so this report's bytes repeat)")
        out.append("")
        return out.joined(separator: "\n")
    }

    /// One bullet per finding: "**verdict** evidence. advice", every part escaped.
    static func diagnosis(_ r: CrossValidationResults) -> String {
        guard !r.diagnosis.isEmpty else { return "No learning curves to read." }
        let source = r.command == "split" ? "the training and validation curves" : "the learning curves, averaged over folds"
        return "Read from \(source) (see Learning curves below):\n\n"
            + r.diagnosis.map { "- **\(Markdown.escape($0.verdict))** \(Markdown.escape($0.evidence)). \(Markdown.escape($0.advice))" }.joined(separator: "\n")
    }

    static func intervalNote(_ r: CrossValidationResults) -> String {
        switch r.summary.interval {
        case "wilson":
            return "> The accuracy interval is a Wilson score interval for \(r.summary.accuracy.n) leave-one-out predictions. "
                + "Those predictions come from models trained on nearly the same rows, so they are not independent: read the interval as approximate."
        case "wilson-pooled":
            return "> Every fold scored the same accuracy, so a t-interval over folds would have width zero: the accuracy interval is the Wilson "
                + "interval of the pooled out-of-fold predictions (each row predicted once per repeat), approximate for the same reason as the t-interval."
        case "corrected-t":
            return "> SD is the sample standard deviation over the \(r.summary.accuracy.n) fold scores (n − 1). The interval is the corrected resampled "
                + "t-interval (Nadeau & Bengio 2003): variance × (1/(k·r) + n_test/n_train), df = k·r − 1. Repeats reuse the same rows, so the k·r "
                + "scores are far from independent and a plain t-interval over them is too narrow. " + CoverageNote.corrected
        default:
            if r.command == "split" {
                return "> One split gives one test score: there is no spread to report. Use `cvkit kfold` for an estimate with an interval."
            }
            return "> SD is the sample standard deviation over folds (n − 1). The interval is a t-interval over the \(r.summary.accuracy.n) fold scores; "
                + "folds share training rows, so the scores are not independent and the interval is approximate, usually too narrow "
                + "(Bates, Hastie & Tibshirani 2021, arXiv:2104.00673). " + CoverageNote.plain
        }
    }

    /// The summary of `metric` in `s`.
    public static func summary(_ metric: MetricName, _ s: CrossValidationResults.SummaryInfo) -> Summary {
        switch metric {
        case .accuracy: s.accuracy
        case .balancedAccuracy: s.balancedAccuracy
        case .macroF1: s.macroF1
        case .logLoss: s.logLoss
        case .rocAuc: s.rocAuc
        case .prAuc: s.prAuc
        case .brier: s.brier
        }
    }

    static func f4(_ value: Double) -> String { value.isFinite ? String(format: "%.4f", value) : "—" }
    /// Four significant digits, for values in a column's own units.
    static func g4(_ value: Double) -> String { value.isFinite ? String(format: "%.4g", value) : "—" }
    static func interval(_ values: [Double]) -> String { values.count == 2 ? "\(f4(values[0])) to \(f4(values[1]))" : "—" }
    static func pct(_ value: Double) -> String { String(format: "%g %%", value * 100) }
}
