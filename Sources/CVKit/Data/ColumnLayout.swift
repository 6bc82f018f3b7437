/// The columns of a CSV file: their names and how each is decoded — the label, the groups, a
/// dropped column, a column of text (declared categorical or identifier) or a column of numbers
/// (declared numeric, or undeclared: numbers, with texts kept for the role decision at the end).
///
/// Read from the header row (or, without a header, made up as `c0, c1, …` for the first row's width).
/// Every rule about the header and the role flags lives here; each rejection names the header's
/// line and, where one column is at fault, its column.
struct ColumnLayout: Sendable, Equatable {
    /// How a column's fields are decoded.
    enum Decoding: UInt8, Sendable {
        /// A number, a missing marker, or (undeclared columns) a text kept for the role decision.
        case number
        /// A category name or an identifier, whatever it looks like.
        case text
        case label
        case groups
        /// Not read (`--drop`).
        case skip
    }

    /// What the user declared a column to be, when they did.
    enum Declared: Sendable, Equatable {
        case numeric, categorical, identifier, dropped
    }

    let names: [String]
    /// The label's column, or -1 when `CSVOptions.labelOptional` let a file without it load.
    let labelColumn: Int
    let groupsColumn: Int?
    let decoding: [Decoding]
    let declared: [Declared?]
    /// The slot (position in a decoded row's values) of each column read into the value matrix, or -1.
    let slots: [Int]

    /// Fields in every row.
    var width: Int { names.count }
    /// Values stored per row: the number and text columns.
    var slotCount: Int { slots.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
    /// The columns stored per row, in slot order.
    var slotColumns: [Int] { slots.indices.filter { slots[$0] >= 0 } }

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

    /// The layout for `names`, with the roles that `options` select.
    static func choosing(in names: [String], line: Int, file: String, options: CSVOptions) -> Result<ColumnLayout, CVKitError> {
        let location = SourceLocation(file: file, line: line)
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let label = options.label.resolve(in: names) ?? (options.labelOptional ? -1 : nil) else {
            var message = "no label column \(options.label); the columns are \(list)"
            if names.count == 1, options.delimiter != 0x3B, names[0].contains(";") {
                message += ". The header holds semicolons: read the file with --delimiter ';' (and --decimal , for decimal commas)"
            }
            return .failure(.badData(location: location, message: message))
        }
        var declared = [Declared?](repeating: nil, count: names.count)
        var flagOf = [String?](repeating: nil, count: names.count)
        if label >= 0 { flagOf[label] = "--label" }
        func declare(_ selectors: [ColumnSelector], _ role: Declared, _ flag: String) -> CVKitError? {
            for selector in selectors {
                guard let column = selector.resolve(in: names) else {
                    return .badData(location: location, message: "\(flag): no column \(selector); the columns are \(list)")
                }
                if let earlier = flagOf[column] {
                    return .badData(location: location, message: "column \"\(names[column])\" is named by both \(earlier) and \(flag); give it one role")
                }
                flagOf[column] = flag
                declared[column] = role
            }
            return nil
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
            flagOf[groups] = "--groups"
        }
        if let problem = declare(options.drop, .dropped, "--drop")
            ?? declare(options.identifier.map { [$0] } ?? [], .identifier, "--id")
            ?? declare(options.categorical, .categorical, "--categorical")
            ?? declare(options.numeric, .numeric, "--numeric") {
            return .failure(problem)
        }
        var decoding = [Decoding](repeating: .number, count: names.count)
        var slots = [Int](repeating: -1, count: names.count)
        var next = 0
        for column in names.indices {
            if column == label {
                decoding[column] = .label
            } else if column == groupsColumn {
                decoding[column] = .groups
            } else {
                switch declared[column] {
                case .dropped: decoding[column] = .skip
                case .categorical, .identifier: decoding[column] = .text
                case .numeric, nil: decoding[column] = .number
                }
            }
            if decoding[column] == .number || decoding[column] == .text {
                slots[column] = next
                next += 1
            }
        }
        let layout = ColumnLayout(
            names: names, labelColumn: label, groupsColumn: groupsColumn, decoding: decoding, declared: declared, slots: slots)
        let candidates = names.indices.filter { decoding[$0] == .number || (decoding[$0] == .text && declared[$0] == .categorical) }
        if candidates.isEmpty {
            var message = "no feature columns: besides the label there must be at least one column of numbers or categories"
            if names.count == 1 || names.contains(where: { $0.contains(";") }), options.delimiter != 0x3B {
                message += ". The header holds semicolons: read the file with --delimiter ';' (and --decimal , for decimal commas)"
            }
            return .failure(.badData(location: location, message: message))
        }
        return .success(layout)
    }
}
