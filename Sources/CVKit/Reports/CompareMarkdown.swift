import Foundation

/// `report.md` of `cvkit compare`.
public enum CompareMarkdown {
    public static func render(_ r: ComparisonResults) -> String {
        let f4 = CrossValidationMarkdown.f4
        var out: [String] = []
        out.append("# compare: \(Markdown.escape(r.data.path.split(separator: "/").last.map(String.init) ?? r.data.path))")
        out.append("")
        out.append("**\(Markdown.escape(r.verdict))**")
        out.append("")
        out.append("Reproduce with:")
        out.append("")
        out.append("```sh\n\(r.commandLine)\n```")
        out.append("")
        out.append("cvkit \(r.cvkitVersion) · data \(Markdown.code(r.data.path)) · SHA-256 \(Markdown.code(r.data.sha256)) · \(r.data.rows) rows")
        out.append("")
        out.append("## Configurations")
        out.append("")
        let metric = r.metric ?? .accuracy
        let sa = CrossValidationMarkdown.summary(metric, r.a), sb = CrossValidationMarkdown.summary(metric, r.b)
        var table = MarkdownTable([("", .left), (metric.title, .right), ("sd", .right), ("macro-F1", .right), ("diverged folds", .right), ("command", .left)])
        table.addMarkdown(["A", f4(sa.mean), f4(sa.sd), f4(r.a.macroF1.mean), String(r.a.diverged), Markdown.code(r.aCommandLine)])
        table.addMarkdown(["B", f4(sb.mean), f4(sb.sd), f4(r.b.macroF1.mean), String(r.b.diverged), Markdown.code(r.bCommandLine)])
        out.append(table.render())
        out.append("")
        out.append("## Test")
        out.append("")
        var test = MarkdownTable([("test", .left), ("t", .right), ("p (two-sided)", .right)])
        test.add(["corrected resampled t-test (Nadeau & Bengio 2003)", String(format: "%.4g", r.correctedT), String(format: "%.4g", r.pValue)])
        test.add(["naive paired t-test", String(format: "%.4g", r.naiveT), String(format: "%.4g", r.naivePValue)])
        out.append(test.render())
        out.append("")
        if let interval = r.differenceInterval, interval.count == 2 {
            out.append("Mean difference A − B: **\(f4(r.meanDifference))**, 95 % corrected interval \(f4(interval[0])) to \(f4(interval[1]))"
                + (interval[0] <= 0 && interval[1] >= 0 ? " — it contains 0." : " — it excludes 0."))
            out.append("")
        }
        out.append("![A − B per split, with the mean and its corrected interval](differences.svg)")
        out.append("")
        out.append("Both configurations ran on the same \(r.repeats) × \(r.k)-fold splits (seed \(r.seed)); the mean difference A − B is "
            + "\(f4(r.meanDifference)) over \(r.differences.count) splits. The differences are not independent — the training sets overlap — so the "
            + "naive test's variance is too small. The corrected test multiplies it by 1 + J·n_test/n_train "
            + "(n_test/n_train = \(String(format: "%.4f", r.testToTrainRatio))), which keeps false alarms near the nominal 5 %.")
        out.append("")
        out.append("## Differences per split")
        out.append("")
        var splits = MarkdownTable([("repeat", .right), ("fold", .right), ("A − B", .right)])
        for (index, difference) in r.differences.enumerated() { splits.add([String(index / r.k + 1), String(index % r.k + 1), f4(difference)]) }
        out.append(splits.render())
        out.append("")
        return out.joined(separator: "\n")
    }

    /// `differences.svg`: A − B per split (dots), the mean (line), its corrected 95 % interval
    /// (band) and 0 (dashed): the band clear of the dashed line is a difference the test supports.
    public static func differencesChart(_ r: ComparisonResults) -> String {
        let labels = r.differences.indices.map { r.repeats > 1 ? "r\($0 / r.k + 1) f\($0 % r.k + 1)" : "\($0 + 1)" }
        return SVGCharts.folds(labels: labels, scores: r.differences, mean: r.meanDifference, interval: r.differenceInterval ?? [],
                               baseline: 0, baselineLabel: "no difference", title: "\((r.metric ?? .accuracy).title): A − B per split",
                               yLabel: "A − B")
    }
}
