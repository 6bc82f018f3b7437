import ArgumentParser
import CVKit
import Foundation

struct FoldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folds",
        abstract: "Write the exact K-fold assignment as CSV (row,repeat,fold) to reuse in pandas, R or scikit-learn.",
        discussion: """
            Rows, repeats and folds count from 0, as pandas and scikit-learn index them (the header is not counted; the \
            reports and predictions.csv number repeats and folds from 1: fold 0 here is fold 1 there). The same data, k, \
            repeats and seed give the same folds as `cvkit kfold`. In scikit-learn: PredefinedSplit(test_fold=folds[folds.repeat == 0].fold).
            Example: cvkit folds datasets/digits.csv --k 10 --repeats 2 --out folds.csv
            """)

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var foldOptions: FoldOptions

    @Option(help: ArgumentHelp("Write the CSV here (atomically) instead of stdout.", valueName: "file"))
    var out: String?
    @OptionGroup var output: OutputOptions

    /// `--json`: the assignment, numbered as the CSV.
    struct FoldsJSON: Encodable {
        var rows: Int
        var k: Int
        var repeats: Int
        /// Per repeat, the 0-based fold of each data row (in row order), as the CSV.
        var folds: [[Int]]
        var out: String?
    }

    func run() throws {
        try reportingErrors {
            let dataset = try CSVLoader.load(path: dataOptions.data, options: dataOptions.csvOptions(groups: foldOptions.groups))
            let assignments = try foldOptions.assignments(for: dataset)
            for warning in foldOptions.resampler.warnings(labels: dataset.labels, groups: dataset.groups, classNames: dataset.classNames) where !output.quiet {
                Standard.error("cvkit: warning: \(warning)")
            }
            var csv = "row,repeat,fold\n"
            csv.reserveCapacity(dataset.rowCount * assignments.count * 12)
            for (repetition, folds) in assignments.enumerated() {
                for (row, fold) in folds.enumerated() { csv += "\(row),\(repetition),\(fold)\n" }
            }
            if let out { try AtomicFile.write(Data(csv.utf8), to: out) }
            if output.json {
                try JSONOutput.print(FoldsJSON(rows: dataset.rowCount, k: foldOptions.k, repeats: assignments.count, folds: assignments, out: out))
            } else if let out {
                if !output.quiet { Standard.error("cvkit: wrote \(out) (\(dataset.rowCount) rows × \(assignments.count) repeat\(assignments.count == 1 ? "" : "s"))") }
            } else {
                FileHandle.standardOutput.write(Data(csv.utf8))
            }
        }
    }
}
