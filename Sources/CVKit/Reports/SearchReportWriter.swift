import Foundation

/// Writes `report.md`, `results.json`, one `search-<parameter>.svg` per numeric parameter (and
/// `search.svg`, the first of them) and `timings.json`, as one set (`ReportFiles`).
public enum SearchReportWriter {
    public static func write(results: SearchResults, space: SearchSpace, folder: String, timings: CrossValidationReportWriter.Timings,
                             sink: FileSink = DiskSink()) throws {
        var files = ReportFiles()
        let numeric = space.parameters.filter(\.distribution.isNumeric)
        files.add(SearchMarkdown.render(results, numericParameters: numeric.map(\.name)), to: folder + "/report.md")
        files.add(try ReportJSON.encode(results), to: folder + "/results.json")
        for (index, parameter) in numeric.enumerated() {
            let rounds = Set(results.trials.map(\.round)).count
            let points = results.trials.compactMap { trial -> (x: Double, y: Double, group: Int)? in
                guard let x = trial.config.value(of: parameter.name) else { return nil }
                return (x, trial.score.mean, rounds > 1 ? trial.round - 1 : 0)
            }
            let svg = SVGCharts.scatter(
                points: points, groupNames: rounds > 1 ? (1...rounds).map { "round \($0)" } : ["trial"], logX: parameter.distribution.isLogScale,
                xLabel: parameter.name, yLabel: "mean CV accuracy", title: "Search: accuracy against \(parameter.name)",
                referenceLines: [(y: results.best.score.mean, label: "best \(CrossValidationMarkdown.f4(results.best.score.mean))")])
            files.add(svg, to: folder + "/search-\(parameter.name).svg")
            if index == 0 { files.add(svg, to: folder + "/search.svg") }
        }
        files.add(try ReportJSON.encode(timings), to: folder + "/timings.json")
        try files.write(sink: sink)
    }
}
