import ArgumentParser
import CVKit
import Foundation

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Profile a data set: each column's role and why, missing values, ranges and categories; classes; SHA-256.",
        discussion: "Example: cvkit info datasets/iris.csv --json")

    @OptionGroup var dataOptions: DataOptions

    @Flag(help: "Print one JSON object on stdout instead of the tables.")
    var json = false

    @Flag(name: [.customShort("q"), .long], help: "Nothing on stderr but errors (info writes its findings on stdout).")
    var quiet = false

    func run() throws {
        try reportingErrors {
            let started = Date()
            // A file with problems gets them all at once (a few per column), not the first alone.
            DataOptions.announceIfFIFO(dataOptions.data)
            let dataset = try CSVLoader.profile(path: dataOptions.data, options: dataOptions.csvOptions())
            let seconds = Date().timeIntervalSince(started)
            let stats = FeatureStatistics.of(dataset)
            let counts = dataset.classCounts()
            let twins = DuplicateRows(dataset)
            let rowNumbers = RowNumberColumns.detect(dataset)
            if json {
                let info = InfoJSON(
                    path: dataset.source.path, sha256: dataset.source.sha256, bytes: dataset.source.byteCount,
                    rows: dataset.rowCount, features: dataset.featureCount, featureNames: dataset.featureNames,
                    label: dataset.labelName,
                    classes: zip(dataset.classNames, counts).map {
                        InfoJSON.ClassCount(name: $0, count: $1, share: Double($1) / Double(dataset.rowCount))
                    },
                    featureStatistics: stats, columns: dataset.columns, identifier: dataset.identifierName,
                    duplicates: InfoJSON.Duplicates(rows: twins.duplicateRows, sets: twins.sets, disagreeingSets: twins.disagreeingSets,
                                                    looksLikeCopies: twins.looksLikeCopies),
                    rowNumberColumns: rowNumbers)
                try JSONOutput.print(info)
                return
            }
            printFitted(InfoText.render(dataset: dataset, counts: counts, stats: stats, seconds: seconds))
            printFitted(InfoText.leakGuards(twins: twins, rowNumbers: rowNumbers, rows: dataset.rowCount))
        }
    }
}

/// The `info --json` object (DESIGN.md "Results JSON").
struct InfoJSON: Encodable {
    struct ClassCount: Encodable {
        var name: String
        var count: Int
        var share: Double
    }
    var path: String
    var sha256: String
    var bytes: Int
    var rows: Int
    var features: Int
    var featureNames: [String]
    var label: String
    var classes: [ClassCount]
    var featureStatistics: [FeatureStatistics]
    /// Every column of the file: role, why, missing cells, distinct values, categories.
    var columns: [ColumnInfo]
    var identifier: String?
    /// Exact twins: rows whose features are identical (`DuplicateRows`).
    var duplicates: Duplicates
    /// Numeric columns that look like row numbers (`RowNumberColumns`).
    var rowNumberColumns: [String]

    struct Duplicates: Encodable {
        var rows: Int
        var sets: Int
        var disagreeingSets: Int
        var looksLikeCopies: Bool
    }
}
