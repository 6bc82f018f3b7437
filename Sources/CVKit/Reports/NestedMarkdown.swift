import Foundation

/// `report.md` of `cvkit nested`: the honest estimate, the optimism it removes, the choices per
/// outer fold and how stable they are.
public enum NestedMarkdown {
    public static func render(_ r: NestedResults) -> String {
        let f4 = CrossValidationMarkdown.f4
        var out: [String] = []
        let a = r.summary.score ?? r.summary.accuracy
        let metric = r.summary.headline.flatMap(MetricName.init(rawValue:)) ?? .accuracy
        out += ReportHeader.lines(
            title: "nested: \(ReportHeader.dataName(r.data.path)) — \(metric.title) \(f4(a.mean)) ± \(f4(a.sd))", commandLine: r.commandLine,
            cvkitVersion: r.cvkitVersion, path: r.data.path, sha256: r.data.sha256, rows: r.data.rows, features: r.data.features,
            classes: r.data.classes.count)
        out.append("## Summary")
        out.append("")
        var table = MarkdownTable([("", .left), ("mean", .right), ("sd", .right), ("95 % interval", .right), ("n", .right)])
        table.add(["nested estimate (outer test \(metric.title))", f4(a.mean), f4(a.sd), CrossValidationMarkdown.interval(a.ci95), String(a.n)])
        if metric != .accuracy {
            let acc = r.summary.accuracy
            table.add(["nested estimate (outer test accuracy)", f4(acc.mean), f4(acc.sd), CrossValidationMarkdown.interval(acc.ci95), String(acc.n)])
        }
        table.add(["best inner score (what a plain search reports)", f4(r.summary.innerBest.mean), f4(r.summary.innerBest.sd), "", String(r.summary.innerBest.n)])
        out.append(table.render())
        out.append("")
        out.append("**Optimism: \(f4(r.optimism))** — the best inner score \(metric == .accuracy ? "overstates the accuracy" : "flatters the \(metric.title)") of tuning-then-training by this much. "
            + "It is a maximum over \(r.trials) trials on the same folds; the outer test rows, which no choice has seen, are the honest measure.")
        out.append("")
        out.append("> The interval is a t-interval over \(a.n) outer folds; they share training rows, so it is approximate.")
        out.append("")
        out.append("![inner best and outer score per outer fold](nested.svg)" + charts(r).dropFirst().map { " ![\($0.name)](\($0.name))" }.joined())
        out.append("")
        if let refit = r.refit {
            out.append("**The model to keep:** the same search run on every row chose "
                + refit.sampled.sorted { $0.key < $1.key }.map { Markdown.code("\($0.key)=\($0.value)") }.joined(separator: ", ")
                + "; fitted on every row: \(Markdown.code(refit.model)) (`cvkit predict` reads it). The nested estimate above is the honest guess of how it will do.")
            out.append("")
        }
        out.append("## Protocol")
        out.append("")
        out.append("- Outer: stratified \(r.outerK)-fold; inner: stratified \(r.innerK)-fold on each outer training part; seed \(r.seed).")
        out.append("- In each outer fold, \(r.method) search over \(Markdown.code(r.space)) with \(r.trials) trials, each scored by inner CV; "
            + "the best is retrained on all outer training rows and scored once on the outer test rows.")
        if let columns = r.data.columns {
            out.append("- Preprocessing: median imputation with missing indicators, one-hot encoding and standardization, fitted on each training part only (inner and outer).")
            out.append("")
            out += ColumnsMarkdown.table(columns)
        } else {
            out.append("- Preprocessing: standardization fitted on each training part only (inner and outer).")
            out.append("")
        }
        let raced = r.outer.compactMap(\.racedOut)
        if !raced.isEmpty {
            out.append("- Racing: in each outer fold's search, configurations significantly worse than the best after the first inner folds "
                + "were dropped (ANOVA over the live configurations, one-sided): \(raced.map(String.init).joined(separator: ", ")) of \(r.trials) per outer fold.")
            out.append("")
        }
        out.append("## Per outer fold")
        out.append("")
        var folds = MarkdownTable([("fold", .right), ("train", .right), ("test", .right), ("inner score", .right), ("outer score", .right),
                                   ("lr", .right), ("l2", .right), ("hidden", .left), ("batch", .right), ("epochs", .right)])
        for fold in r.outer {
            let c = fold.config
            folds.add([String(fold.fold + 1), String(fold.nTrain), String(fold.nTest), f4(fold.innerScore),
                       fold.outerDiverged ? "diverged" : f4(fold.outerScore), SearchConfig.format(c.lr), SearchConfig.format(c.l2),
                       c.hidden.isEmpty ? "none" : c.hidden.map(String.init).joined(separator: ","), String(c.batchSize), String(c.epochs)])
        }
        out.append(folds.render())
        out.append("")
        out.append("## Stability of the chosen hyperparameters")
        out.append("")
        var stability = MarkdownTable([("parameter", .left), ("chosen per outer fold", .left), ("spread", .left)])
        for item in r.stability { stability.add([item.parameter, item.values.joined(separator: ", "), item.spread]) }
        out.append(stability.render())
        out.append("")
        out.append("Choices that move a lot between outer folds mean the score is flat in that direction, or that the search is noisy: "
            + "the estimate above holds for the procedure, not for one configuration.")
        out.append("")
        out.append("## Warnings")
        out.append("")
        out.append(r.warnings.isEmpty ? "None." : r.warnings.map { "- " + Markdown.escape($0) }.joined(separator: "\n"))
        out.append("")
        return out.joined(separator: "\n")
    }

    /// `nested.svg` — per outer fold, the best inner score (what a plain search reports) beside the
    /// outer test score, with the nested estimate as a line: the gap is the optimism, fold by fold —
    /// and `nested-<parameter>.svg` for each numeric parameter: the value each outer fold chose (log
    /// axis for log-scale parameters) against its outer score, to see whether the choice is stable.
    public static func charts(_ r: NestedResults) -> [(name: String, svg: String)] {
        let metric = r.summary.headline.flatMap(MetricName.init(rawValue:)) ?? .accuracy
        let estimate = (r.summary.score ?? r.summary.accuracy).mean
        let points = r.outer.flatMap { fold in
            [(x: Double(fold.fold + 1), y: fold.innerScore, group: 0), (x: Double(fold.fold + 1), y: fold.outerScore, group: 1)]
        }
        var charts = [(name: "nested.svg", svg: SVGCharts.scatter(
            points: points, groupNames: ["best inner score", "outer test score"], logX: false, xLabel: "outer fold", yLabel: metric.title,
            title: "Nested CV: inner best and outer \(metric.title) per outer fold",
            referenceLines: [(y: estimate, label: "nested estimate \(CrossValidationMarkdown.f4(estimate))")]))]
        let space = (try? SearchSpace(parsing: r.space))?.parameters ?? []
        for parameter in space where parameter.distribution.isNumeric {
            let chosen = r.outer.compactMap { fold in fold.config.value(of: parameter.name).map { (x: $0, y: fold.outerScore, group: 0) } }
            guard !chosen.isEmpty else { continue }
            charts.append((name: "nested-\(parameter.name).svg", svg: SVGCharts.scatter(
                points: chosen, groupNames: ["an outer fold's choice"], logX: parameter.distribution.isLogScale, xLabel: parameter.name,
                yLabel: "outer \(metric.title)", title: "Nested CV: \(parameter.name) chosen by each outer fold")))
        }
        return charts
    }
}
