/// The columns of a CSV file: their names, which one is the label, which one (if any) holds group ids;
/// every other column is a feature.
///
/// Read from the header row (or, without a header, made up as `c0, c1, …` for the first row's width).
/// Every rule about the header lives here; each rejection names the header's line and, where one
/// column is at fault, its column.
struct ColumnLayout: Sendable, Equatable {
    let names: [String]
    let labelColumn: Int
    let groupsColumn: Int?

    /// Fields in every row.
    var width: Int { names.count }
    /// Feature values in every row.
    var featureCount: Int { width - (groupsColumn == nil ? 1 : 2) }
    var featureNames: [String] {
        names.enumerated().filter { $0.offset != labelColumn && $0.offset != groupsColumn }.map(\.element)
    }

    /// The layout a header row names: every name valid UTF-8, non-empty and unique.
    static func reading(header row: CSVRow, file: String, options: CSVOptions) -> Result<ColumnLayout, CVKitError> {
        var header: [String] = []
        var seen: [String: Int] = [:]
        for column in 0..<row.count {
            let location = SourceLocation(file: file, line: row.line, column: column + 1)
            guard let name = row.withField(column, FieldParsing.text) else {
                return .failure(.badData(location: location, message: "the header's column \(column + 1) is not valid UTF-8 text"))
            }
            if name.isEmpty {
                return .failure(.badData(
                    location: location,
                    message: "column \(column + 1) has no name in the header (a pandas index column? write the file with index=False)"))
            }
            if let earlier = seen[name] {
                return .failure(.badData(
                    location: location,
                    message: "column name \"\(name)\" is used twice, in columns \(earlier + 1) and \(column + 1): names must be unique"))
            }
            seen[name] = column
            header.append(name)
        }
        return choosing(in: header, line: row.line, file: file, options: options)
    }

    /// The layout for `names`, with the label and groups columns that `options` select.
    static func choosing(in names: [String], line: Int, file: String, options: CSVOptions) -> Result<ColumnLayout, CVKitError> {
        let location = SourceLocation(file: file, line: line)
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let label = options.label.resolve(in: names) else {
            return .failure(.badData(location: location, message: "no label column \(options.label); the columns are \(list)"))
        }
        var groupsColumn: Int?
        if let selector = options.groups {
            guard let groups = selector.resolve(in: names) else {
                return .failure(.badData(location: location, message: "no groups column \(selector); the columns are \(list)"))
            }
            if groups == label {
                return .failure(.badData(
                    location: location, message: "the groups column and the label column are the same (\"\(names[label])\")"))
            }
            groupsColumn = groups
        }
        let layout = ColumnLayout(names: names, labelColumn: label, groupsColumn: groupsColumn)
        if layout.featureCount < 1 {
            return .failure(.badData(
                location: location, message: "no feature columns: besides the label there must be at least one numeric column"))
        }
        return .success(layout)
    }
}
