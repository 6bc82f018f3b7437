import Foundation

/// `sanity.md`: the verdict first, then each check with what was expected and observed, what to do
/// about failures and warnings, the rows and model the checks used, the learning-rate sweep, and
/// how each check works (its bound and why).
public enum SanityMarkdown {
    public static func render(_ r: SanityResults) -> String {
        var out: [String] = []
        let failed = r.checks.filter { !$0.passed }
        out += ReportHeader.lines(
            title: "sanity: \(ReportHeader.dataName(r.data.path)) — "
                + (failed.isEmpty ? "all \(r.checks.count) checks passed" : "\(failed.count) of \(r.checks.count) checks failed"),
            commandLine: r.commandLine, cvkitVersion: r.cvkitVersion, path: r.data.path, sha256: r.data.sha256, rows: r.data.rows,
            features: r.data.features, classes: r.data.classes.count, label: r.data.label)

        out.append("## Checks")
        out.append("")
        var table = MarkdownTable([("check", .left), ("result", .left), ("expected", .left), ("observed", .left)])
        for check in r.checks {
            let result = check.passed ? (check.advice.isEmpty ? "pass" : "pass, with a warning") : "**FAIL**"
            table.addMarkdown([Markdown.code(check.name), result, Markdown.escape(check.expected), Markdown.escape(check.observed)])
        }
        out.append(table.render())
        out.append("")

        out.append("## What to do")
        out.append("")
        let advised = r.checks.filter { !$0.advice.isEmpty }
        if advised.isEmpty {
            out.append("Nothing: every check passed. Training on this data with these settings should behave; `cvkit kfold` measures how well.")
        } else {
            for check in advised {
                out.append("- \(Markdown.code(check.name)) (\(check.passed ? "warning" : "failed")): \(Markdown.escape(check.advice))")
            }
        }
        out.append("")

        out.append("## Data")
        out.append("")
        let t = r.trainingPart
        out.append("- The checks ran on the **training part only**: \(t.rows) of \(r.data.rows) rows. A stratified holdout of "
            + "\(pct(t.heldOutFraction)) (\(t.heldOut) rows, seed \(r.settings.seed)) was set aside first, and no check reads it.")
        out.append("- Preprocessing: \(t.preprocessing).")
        out.append("- Losses are measured in training mode (BatchNorm with batch statistics) on \(t.measurementRows) rows of the training part"
            + (t.measurementRows < t.rows ? " (a seeded sample: at most 1,024)" : "") + ".")
        out.append("")

        out.append("## Model")
        out.append("")
        let m = r.model
        out.append("- Layers: \(m.layers).")
        out.append("- \(NumberText.grouped(m.parameters)) parameters, from the initial weights a run with seed \(r.settings.seed) starts from.")
        out.append("- Configured training: \(m.optimizer), learning rate \(Shell.number(m.lr)), batches of \(m.batchSize), L2 \(Shell.number(m.l2)). "
            + "The learning-rate sweep uses the optimizer, batch size and L2; the tiny subset is memorized with l2 = 0 and full-batch Adam at "
            + "\(Shell.number(r.settings.overfitLr)) for at most \(r.settings.overfitEpochs) epochs.")
        out.append("")

        out.append("## Learning-rate sweep")
        out.append("")
        let s = r.lrSweep
        out.append("\(s.epochs) epoch\(s.epochs == 1 ? "" : "s") at each rate from the same initial weights and batch order; the training loss "
            + "before was \(s.initialLoss.map(f4) ?? "not finite"). "
            + (s.band.map { "The loss falls at every rate from \(rate($0[0])) to \(rate($0[1])); the configured rate is \(rate(s.configuredLr))." }
                ?? "No rate made the loss fall."))
        out.append("")
        var sweep = MarkdownTable([("learning rate", .right), ("loss after", .right), ("change", .right), ("verdict", .left)])
        for p in s.points {
            let change = p.loss.flatMap { loss in s.initialLoss.map { String(format: "%+.1f %%", (loss - $0) / $0 * 100) } } ?? "—"
            sweep.add([rate(p.lr), p.loss.map(f4) ?? "not finite", change, p.verdict + (p.fastest ? " (fastest)" : "")])
        }
        out.append(sweep.render())
        out.append("")
        out.append("![loss after the sweep's epochs against the learning rate](lr-sweep.svg)")
        out.append("")

        out.append("## How each check works")
        out.append("")
        for check in r.checks { out.append("- \(Markdown.code(check.name)): \(Markdown.escape(check.details))") }
        out.append("")
        out.append("## Files")
        out.append("")
        out.append("`sanity.json` (everything above, for programs) · `lr-sweep.svg`. No wall times are written, so the same command gives the same bytes.")
        out.append("")
        return out.joined(separator: "\n")
    }

    static func f4(_ value: Double) -> String { CrossValidationMarkdown.f4(value) }
    static func rate(_ value: Double) -> String { String(format: "%.3g", value) }
    static func pct(_ value: Double) -> String { String(format: "%g %%", value * 100) }
}
