import CVKit
import Foundation

/// `compare`: both configurations on the same splits, the report, the test on the terminal.
enum CompareSession {
    static func run(_ comparison: ModelComparison, _ context: ExperimentSession.Context) throws -> [ExperimentRunner.Unit]? {
        let splitCount = comparison.a.k * comparison.a.repeats
        let progress = Progress(quiet: context.execution.quiet, total: context.total) { result in
            let which = result.index < splitCount ? "A" : "B"
            let score = result.accuracy.map { String(format: "accuracy %.4f", $0) } ?? "diverged"
            return "\(which) repeat \(result.repetition + 1) fold \(result.fold + 1): \(score)"
        }
        let driven = try ExperimentSession.drive(comparison, context) { progress.handle($0) }
        progress.finish()
        guard let results = driven.output else { return driven.pending }
        try ReportFolders.write(markdown: CompareMarkdown.render(results), results: results, folder: context.folder, started: context.started,
                                jobs: context.execution.jobs, resumed: context.finished.count,
                                charts: [("differences.svg", CompareMarkdown.differencesChart(results))])
        if context.execution.json {
            FileHandle.standardOutput.write(try ReportJSON.encode(WithReportDir(value: results, reportDir: context.folder)))
            return nil
        }
        printFitted("compare on \(comparison.a.dataPath): \(comparison.a.repeats) × \(comparison.a.k)-fold, the same splits for both\n")
        let compared = results.metric ?? .accuracy
        let sa = CrossValidationMarkdown.summary(compared, results.a), sb = CrossValidationMarkdown.summary(compared, results.b)
        if compared != .accuracy { printFitted("  \(compared.title) per configuration (mean ± sd over splits):") }
        let (flagsA, flagsB) = differingFlags(comparison.a.modelFlags, comparison.b.modelFlags)
        printFitted("  A  \(NumberFormat.fixed(sa.mean, 4)) ± \(NumberFormat.fixed(sa.sd, 4))   \(flagsA)")
        printFitted("  B  \(NumberFormat.fixed(sb.mean, 4)) ± \(NumberFormat.fixed(sb.sd, 4))   \(flagsB)")
        let interval = results.differenceInterval.map { "   95 % corrected interval [\(NumberFormat.fixed($0[0], 4)), \(NumberFormat.fixed($0[1], 4))]" } ?? ""
        printFitted("\n  mean difference A − B  \(NumberFormat.fixed(results.meanDifference, 4))\(interval)")
        printFitted("  corrected t-test (Nadeau–Bengio)  t = \(NumberFormat.short(results.correctedT)), p = \(NumberFormat.short(results.pValue))")
        printFitted("  naive paired t-test               t = \(NumberFormat.short(results.naiveT)), p = \(NumberFormat.short(results.naivePValue))")
        printFitted("\n  \(results.verdict)")
        printFitted("\nreport: \(context.folder)/report.md")
        return nil
    }

    /// The options in which two model flag strings differ (each option with its value), for the
    /// terminal; the whole strings when they do not differ or cannot be split.
    static func differingFlags(_ a: String, _ b: String) -> (String, String) {
        func options(_ flags: String) -> [(name: String, text: String)] {
            var result: [(name: String, text: String)] = []
            for word in flags.split(separator: " ").map(String.init) {
                if word.hasPrefix("--") || result.isEmpty { result.append((word, word)) } else { result[result.count - 1].text += " " + word }
            }
            return result
        }
        let x = options(a), y = options(b)
        let namesX = Dictionary(x.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        let namesY = Dictionary(y.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        let onlyX = x.filter { namesY[$0.name] != $0.text }.map(\.text), onlyY = y.filter { namesX[$0.name] != $0.text }.map(\.text)
        if onlyX.isEmpty && onlyY.isEmpty { return (a, b) }
        return (onlyX.isEmpty ? "(defaults)" : onlyX.joined(separator: " "), onlyY.isEmpty ? "(defaults)" : onlyY.joined(separator: " "))
    }
}
