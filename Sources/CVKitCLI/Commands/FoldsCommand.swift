import ArgumentParser
import CVKit
import Foundation

struct FoldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folds",
        abstract: "Write the exact K-fold assignment as CSV (row,repeat,fold) to reuse in pandas, R or scikit-learn.",
        discussion: """
            Rows are 0-based data rows (the header is not counted). The same data, k, repeats and seed give the
            same folds as `cvkit kfold`. In scikit-learn: PredefinedSplit(test_fold=folds[folds.repeat == 0].fold).
            Example: cvkit folds datasets/digits.csv --k 10 --repeats 2 --out folds.csv
            """)

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var foldOptions: FoldOptions

    @Option(help: ArgumentHelp("Write the CSV here (atomically) instead of stdout.", valueName: "file"))
    var out: String?

    func run() throws {
        try reportingErrors {
            let dataset = try CSVLoader.load(path: dataOptions.data, options: dataOptions.csvOptions(groups: foldOptions.groups))
            let assignments = try foldOptions.assignments(for: dataset)
            for warning in foldOptions.resampler.warnings(labels: dataset.labels, groups: dataset.groups) {
                Standard.error("cvkit: warning: \(warning)")
            }
            var csv = "row,repeat,fold\n"
            csv.reserveCapacity(dataset.rowCount * assignments.count * 12)
            for (repetition, folds) in assignments.enumerated() {
                for (row, fold) in folds.enumerated() { csv += "\(row),\(repetition),\(fold)\n" }
            }
            if let out {
                try AtomicFile.write(Data(csv.utf8), to: out)
                Standard.error("cvkit: wrote \(out) (\(dataset.rowCount) rows × \(assignments.count) repeat\(assignments.count == 1 ? "" : "s"))")
            } else {
                FileHandle.standardOutput.write(Data(csv.utf8))
            }
        }
    }
}
