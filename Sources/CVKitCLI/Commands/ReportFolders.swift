import CVKit
import Foundation

/// Report files for the runs whose report is not `CrossValidationReportWriter`'s (nested, compare).
enum ReportFolders {
    /// Writes `report.md`, `results.json` and `timings.json` (wall time kept apart from the compared bytes).
    static func write<Results: Encodable>(markdown: String, results: Results, folder: String, started: Date, jobs: Int, resumed: Int,
                                          charts: [(name: String, svg: String)] = []) throws {
        let timings = CrossValidationReportWriter.Timings(
            wallSeconds: Date().timeIntervalSince(started), jobs: jobs, resumedTasks: resumed, taskSeconds: [], trainingSamples: 0)
        try ReportFiles([(folder + "/report.md", Data(markdown.utf8)), (folder + "/results.json", try ReportJSON.encode(results)),
                         (folder + "/timings.json", try ReportJSON.encode(timings))] + charts.map { (folder + "/" + $0.name, Data($0.svg.utf8)) }).write()
    }
}

/// A results object plus the report folder's path, for `--json`.
struct WithReportDir<Value: Encodable>: Encodable {
    var value: Value
    var reportDir: String

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: JSONWithReportDir.Key.self)
        try container.encode(reportDir, forKey: JSONWithReportDir.Key(stringValue: "reportDir"))
    }
}
