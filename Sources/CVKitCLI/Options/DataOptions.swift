import ArgumentParser
import Foundation
import CVKit

/// The data file and how to read it; shared by every command that loads data.
struct DataOptions: ParsableArguments {
    @Argument(help: "The CSV file (- for standard input): a header row, feature columns (numbers or categories) and a class label column.",
              completion: .file(extensions: ["csv", "tsv", "txt"]))
    var data: String

    /// `data` as runs record it (command lines, report folder names, journals): inside the current
    /// folder, relative and without `.` or `..` steps — `./datasets/x.csv` and `datasets/x.csv`
    /// are one run, so `--resume` finds it either way; outside, as typed without leading `./`.
    var dataPath: String {
        guard data != "-", !data.isEmpty else { return data }
        let folder = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: data, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL.path
        if absolute.hasPrefix(folder + "/") { return String(absolute.dropFirst(folder.count + 1)) }
        var typed = Substring(data)
        while typed.hasPrefix("./") { typed = typed.dropFirst(2) }
        return String(typed)
    }

    @Option(name: [.customShort("l"), .long], help: ArgumentHelp("The label column, by name or 0-based index (default: the last column).", valueName: "name|index"))
    var label: String?

    @Option(help: ArgumentHelp("The field delimiter: one character, or \\t for tabs.", valueName: "char"))
    var delimiter: String = ","

    @Flag(help: "The first row is data, not a header; columns are named c0, c1, ….")
    var noHeader = false

    @Option(help: ArgumentHelp("The decimal mark: . (default) or , (then use --delimiter ';').", valueName: "char"))
    var decimal: String = "."

    @Option(help: ArgumentHelp("Columns to leave out, by name or 0-based index, comma-separated.", valueName: "cols"))
    var drop: String?

    @Option(help: ArgumentHelp("The identifier column: never a feature, written into predictions.csv.", valueName: "name|index"))
    var id: String?

    @Option(help: ArgumentHelp("Columns to one-hot encode as categories, whatever their values look like.", valueName: "cols"))
    var categorical: String?

    @Option(help: ArgumentHelp("Columns that must be numbers: any other value is an error with its location.", valueName: "cols"))
    var numeric: String?

    @Option(help: ArgumentHelp("Texts that mean a missing value, comma-separated (default: pandas' list: NA, N/A, NaN, null, None, …; the empty field always is).",
                               valueName: "texts"))
    var naValues: String?

    @Flag(help: "Refuse missing feature values (an error with its location) instead of imputing them in each fold.")
    var noImpute = false

    @Option(help: ArgumentHelp("Categories with fewer training rows than this share one (other) column (default 1: keep all).", valueName: "n"))
    var minCategoryCount: Int = 1

    func csvOptions(groups: String? = nil) throws -> CSVOptions {
        let options = CSVOptions(
            hasHeader: !noHeader,
            label: label.map(ColumnSelector.init(parsing:)) ?? .last,
            groups: groups.map(ColumnSelector.init(parsing:)),
            delimiter: try CSVOptions.delimiter(parsing: delimiter),
            decimal: try CSVOptions.decimal(parsing: decimal),
            drop: drop.map(ColumnSelector.list(parsing:)) ?? [],
            identifier: id.map(ColumnSelector.init(parsing:)),
            categorical: categorical.map(ColumnSelector.list(parsing:)) ?? [],
            numeric: numeric.map(ColumnSelector.list(parsing:)) ?? [],
            naValues: naValues.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) },
            impute: !noImpute,
            minCategoryCount: minCategoryCount)
        try options.validate()
        return options
    }

    func validate() throws {
        if data.isEmpty { throw ValidationError("the data path is empty: give a CSV file, or - for standard input") }
        do { _ = try csvOptions() } catch let error as CVKitError { throw ValidationError(error.description) }
    }
}

extension DataOptions {
    /// Opening a FIFO waits for a writer. On a terminal, say so instead of hanging silently; in a
    /// script (stderr not a terminal) wait quietly, as `cat` does.
    static func announceIfFIFO(_ path: String) {
        var status = stat()
        guard path != "-", stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFIFO, isatty(STDERR_FILENO) == 1 else { return }
        Standard.error("cvkit: \(path) is a FIFO: waiting for a program to write into it (Ctrl-C to stop)…")
    }
}
