import ArgumentParser
import CVKit

/// The data file and how to read it; shared by every command that loads data.
struct DataOptions: ParsableArguments {
    @Argument(help: "The CSV file: a header row, numeric feature columns and a class label column.",
              completion: .file(extensions: ["csv", "tsv", "txt"]))
    var data: String

    @Option(help: ArgumentHelp("The label column, by name or 0-based index (default: the last column).", valueName: "name|index"))
    var label: String?

    @Option(help: ArgumentHelp("The field delimiter: one character, or \\t for tabs.", valueName: "char"))
    var delimiter: String = ","

    @Flag(help: "The first row is data, not a header; columns are named c0, c1, ….")
    var noHeader = false

    func csvOptions(groups: String? = nil) throws -> CSVOptions {
        CSVOptions(
            hasHeader: !noHeader,
            label: label.map(ColumnSelector.init(parsing:)) ?? .last,
            groups: groups.map(ColumnSelector.init(parsing:)),
            delimiter: try CSVOptions.delimiter(parsing: delimiter))
    }

    func validate() throws {
        do { _ = try CSVOptions.delimiter(parsing: delimiter) } catch let error as CVKitError { throw ValidationError(error.description) }
    }
}
