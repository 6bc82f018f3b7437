import Foundation

/// Writes `report.md`, `results.json`, one `search-<parameter>.svg` per numeric parameter (and
/// `search.svg`, the first of them) and `timings.json`.
public enum SearchReportWriter {
    public static func write(results: SearchResults, space: SearchSpace, folder: String, timings: CrossValidationReportWriter.Timings) throws {
        let numeric = space.parameters.filter(\.distribution.isNumeric)
        try AtomicFile.write(Data(SearchMarkdown.render(results, numericParameters: numeric.map(\.name)).utf8), to: folder + "/report.md")
        try AtomicFile.write(ReportJSON.encode(results), to: folder + "/results.json")
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
            try AtomicFile.write(Data(svg.utf8), to: folder + "/search-\(parameter.name).svg")
            if index == 0 { try AtomicFile.write(Data(svg.utf8), to: folder + "/search.svg") }
        }
        try AtomicFile.write(ReportJSON.encode(timings), to: folder + "/timings.json")
    }
}
