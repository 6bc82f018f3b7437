/// The role of every column, decided once the whole file is read, and the value matrix put in the
/// form `Dataset` documents.
///
/// The rules, for a column no flag names (a flag always wins):
/// - every non-missing value is a number → **numeric**;
/// - at least half of the non-missing values are numbers → numeric, and the other values are data
///   errors, reported with their locations (`--categorical` encodes the column instead);
/// - otherwise text. Text whose distinct values are mostly numbers with a comma (`2,5`, `1,000`) is an
///   error that names `--decimal ,`. Text with at least 90 % distinct values among at least 10
///   (names, free text, ids) is an **identifier**: left out, never one-hot encoded. Other text is
///   **categorical**; a number in it is the category named by its value.
/// With `--no-impute`, a missing cell in a feature column is an error with its location.
struct ColumnRoles {
    /// The share of distinct values at which a text column is taken for an identifier.
    static let identifierShare = 0.9

    let file: String
    let layout: ColumnLayout
    let encodings: [ColumnEncoding]
    let options: CSVOptions
    let rows: Int
    let texts: [ClassEncoding]
    let sightings: [[RowDecoder.TextSighting]]
    let firstMissing: [SourceLocation?]
    /// false when no missing or text cell was loaded: the counting pass is skipped.
    let hasNonNumbers: Bool

    private(set) var columns: [ColumnInfo] = []
    private(set) var identifierName: String?
    private(set) var identifiers: [String] = []

    init(file: String, layout: ColumnLayout, encodings: [ColumnEncoding], options: CSVOptions, rows: Int,
         texts: [ClassEncoding], sightings: [[RowDecoder.TextSighting]], firstMissing: [SourceLocation?], hasNonNumbers: Bool = true) {
        self.hasNonNumbers = hasNonNumbers
        self.file = file
        self.layout = layout
        self.encodings = encodings.count == layout.width ? encodings : Array(repeating: .identity, count: layout.width)
        self.options = options
        self.rows = rows
        let slots = layout.slotCount
        self.texts = texts.count == slots ? texts : Array(repeating: ClassEncoding(), count: slots)
        self.sightings = sightings.count == slots ? sightings : Array(repeating: [], count: slots)
        self.firstMissing = firstMissing.count == slots ? firstMissing : Array(repeating: nil, count: slots)
    }

    /// Decides the roles, converts categorical cells to category codes, fills `identifiers`, and
    /// removes identifier columns from `features` in place.
    mutating func decide(features: inout [Float]) throws {
        let width = layout.slotCount
        var infos: [Int: ColumnInfo] = [:]
        var kept: [Int] = []
        // One pass over the matrix: missing and text cells per column (numbers are not NaN).
        var missingCounts = [Int](repeating: 0, count: width), textCounts = [Int](repeating: 0, count: width)
        if hasNonNumbers { features.withUnsafeBufferPointer { cells in
            var row = 0
            while row * width < cells.count {
                for slot in 0..<width {
                    let cell = cells[row * width + slot]
                    if cell.isNaN {
                        if CellCode.isMissing(cell) { missingCounts[slot] += 1 } else { textCounts[slot] += 1 }
                    }
                }
                row += 1
            }
        } }
        // Every column's problem is collected, so that one message names them all.
        var problems: [CVKitError] = []
        for (slot, column) in layout.slotColumns.enumerated() {
            let missing = missingCounts[slot], textCells = textCounts[slot]
            var named: (names: [String], ofRow: [Int?])?  // a text column's cells by name, made once
            let name = layout.names[column]
            let nonMissing = rows - missing
            let numberCells = nonMissing - textCells
            var info = ColumnInfo(name: name, index: column, role: .numeric, reason: "", missing: missing, encoding: encodings[column])
            switch layout.declared[column] {
            case .identifier:
                info.role = .identifier
                info.reason = "declared --id"
            case .categorical:
                info.role = .categorical
                info.reason = "declared --categorical"
            case .numeric:
                info.reason = "declared --numeric"
            case .dropped, nil:
                if textCells == 0 {
                    info.reason = missing == 0 ? "every value is a number" : "every non-missing value is a number"
                } else if numberCells >= textCells {
                    problems.append(mixedColumnError(slot: slot, name: name, numbers: numberCells, texts: textCells))
                    continue
                } else {
                    if let problem = decimalCommaProblem(slot: slot, name: name) {
                        problems.append(problem)
                        continue
                    }
                    named = cellNames(slot: slot, column: column, features: features)
                    let distinct = named?.names.count ?? 0
                    if nonMissing >= 10, Double(distinct) >= ColumnRoles.identifierShare * Double(nonMissing) {
                        info.role = .identifier
                        info.reason = "text with \(distinct) distinct values in \(nonMissing) rows: an identifier, not a feature (--categorical encodes it)"
                    } else {
                        info.role = .categorical
                        info.reason = "text"
                    }
                }
            }
            if info.role != .identifier, missing > 0, !options.impute, let location = firstMissing[slot] {
                let problem = CVKitError.badData(location: location, message: "column \"\(name)\": a missing value, and --no-impute makes every "
                    + "feature value required (\(missing) missing in this column; leave out --no-impute to impute inside each fold)")
                problems.append(problem)
                continue
            }
            if info.role != .numeric {
                info.encoding = .identity
                let names = named ?? cellNames(slot: slot, column: column, features: features)
                info.distinct = names.names.count
                if info.role == .categorical {
                    info.categories = ClassEncoding.sorted(names.names)
                    if info.categories.count > 1 << 24 {
                        throw CVKitError.badData(location: nil, message: "\(file): column \"\(name)\" has more categories than cvkit stores (2²⁴)")
                    }
                    let position = Dictionary(uniqueKeysWithValues: info.categories.enumerated().map { ($1, Float($0)) })
                    let code = names.names.map { position[$0] ?? CellCode.missing }  // by name index: no hashing per row
                    features.withUnsafeMutableBufferPointer { cells in
                        var row = 0, at = slot
                        while at < cells.count {
                            if let index = names.ofRow[row] { cells[at] = code[index] }
                            row += 1
                            at += width
                        }
                    }
                } else if identifierName == nil || (layout.declared[column] == .identifier) {
                    identifierName = name
                    identifiers = names.ofRow.map { $0.map { names.names[$0] } ?? "" }
                }
            }
            if info.role != .identifier { kept.append(slot) }
            infos[column] = info
        }
        // In file order (by line, then column; a problem without a location last), the first leading.
        problems = problems.enumerated().sorted { ColumnRoles.order($0.element, $0.offset) < ColumnRoles.order($1.element, $1.offset) }.map(\.element)
        if let first = problems.first { throw ColumnRoles.combined(first, problems.dropFirst()) }
        if kept.allSatisfy({ infos[layout.slotColumns[$0]]?.role == .identifier }) || kept.isEmpty {
            let identifiers = infos.values.filter { $0.role == .identifier }.map { "\"\($0.name)\"" }.sorted().joined(separator: ", ")
            throw CVKitError.badData(location: nil, message: "\(file): no feature column is left: \(identifiers) look\(identifiers.contains(",") ? "" : "s") like "
                + "identifiers (nearly every value distinct); --categorical NAME encodes one as categories")
        }
        compact(&features, width: width, kept: kept)
        columns = layout.names.indices.map { column in
            if let info = infos[column] { return info }
            let name = layout.names[column]
            switch layout.decoding[column] {
            case .label:
                return ColumnInfo(name: name, index: column, role: .label,
                                  reason: options.label == .last ? "the label (the last column; --label chooses another)" : "the label (--label)")
            case .groups: return ColumnInfo(name: name, index: column, role: .group, reason: "group ids (--groups)")
            default: return ColumnInfo(name: name, index: column, role: .dropped, reason: "--drop")
            }
        }
    }

    /// The name of each row's cell in a text column (nil: missing), and the distinct names in first-seen order.
    private func cellNames(slot: Int, column: Int, features: [Float]) -> (names: [String], ofRow: [Int?]) {
        let width = layout.slotCount
        var names = texts[slot].namesInFirstSeenOrder
        // Built at the first number cell only: a column of texts alone (an identifier) needs no second hashing.
        var index: [String: Int]?
        var ofRow: [Int?] = []
        ofRow.reserveCapacity(rows)
        var position = slot
        while position < features.count {
            let cell = features[position]
            if CellCode.isMissing(cell) {
                ofRow.append(nil)
            } else if let code = CellCode.textCode(cell) {
                ofRow.append(Int(code))
            } else {
                let name = ColumnRoles.name(of: cell, encoding: encodings[column])
                if index == nil { index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }) }
                if let known = index?[name] { ofRow.append(known) } else {
                    index?[name] = names.count
                    ofRow.append(names.count)
                    names.append(name)
                }
            }
            position += width
        }
        return (names, ofRow)
    }

    /// A number inside a text column, named by its value (`2`, `0.5`, `1e-07`).
    static func name(of stored: Float, encoding: ColumnEncoding) -> String {
        if encoding.isIdentity {
            if stored == stored.rounded(), stored.magnitude < 1e15 { return String(Int64(stored)) }
            return stored.description
        }
        let value = encoding.value(stored)
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return value.description
    }

    private func mixedColumnError(slot: Int, name: String, numbers: Int, texts: Int) -> CVKitError {
        let seen = sightings[slot]
        let places = seen.map { "\($0.location) \($0.shown)" }.joined(separator: ", ")
        var message = "column \"\(name)\" holds numbers in \(numbers) rows and \(texts) value\(texts == 1 ? "" : "s") that \(texts == 1 ? "is" : "are") not a number"
            + " (\(places)\(texts > seen.count ? ", …" : "")): fix the data, mark them missing with --na-values, or declare the column --categorical to encode it"
        if let first = seen.first, let problem = ColumnRoles.problem(first.shown), problem == .thousandsSeparator || problem == .hexadecimal {
            message += ". " + problem.message(shown: first.shown)
        }
        return .badData(location: seen.first?.location, message: message)
    }

    /// The number problem of a quoted field as shown in a sighting.
    private static func problem(_ shown: String) -> FieldParsing.NumberProblem? {
        var bytes = Array(shown.dropFirst().dropLast().utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { all in
            if case .failure(let problem) = FieldParsing.parseAnyDouble(UnsafeBufferPointer(rebasing: all[0..<count])) { return problem }
            return nil
        }
    }

    /// A problem's place in the file for sorting: line, column, then its position in the list.
    static func order(_ problem: CVKitError, _ position: Int) -> (Int, Int, Int) {
        guard case .badData(let location?, _) = problem else { return (Int.max, 0, position) }
        return (location.line, location.column ?? 0, position)
    }

    /// One error for several columns' problems: the first one's location, then one line per other problem.
    static func combined(_ first: CVKitError, _ others: ArraySlice<CVKitError>, kind: String = "columns") -> CVKitError {
        guard !others.isEmpty, case .badData(let location, let message) = first else { return first }
        let lines = others.map { "  " + $0.description }
        return .badData(location: location, message: message + "\n" + "and \(others.count) more problem\(others.count == 1 ? "" : "s") \(kind == "columns" ? "in other columns" : "elsewhere"):\n"
            + lines.joined(separator: "\n"))
    }

    /// Text that is mostly numbers written with a comma is a decimal-comma file read without `--decimal ,`.
    private func decimalCommaProblem(slot: Int, name: String) -> CVKitError? {
        let names = texts[slot].namesInFirstSeenOrder
        let commaNumbers = names.filter { name in
            name.utf8.contains(0x2C) && name.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2C || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }
        }
        if !names.isEmpty, commaNumbers.count * 2 > names.count {
            return CVKitError.badData(
                location: sightings[slot].first?.location,
                message: "column \"\(name)\" holds numbers written with a comma (\"\(commaNumbers[0])\"): read the file with --decimal , "
                    + "(and --delimiter ';' when commas also separate fields); cvkit does not read thousands separators")
        }
        return nil
    }

    /// Keeps the slots `kept` of each row of `width`, in place (each value moves to an earlier or
    /// the same position), then shortens the array.
    private func compact(_ features: inout [Float], width: Int, kept: [Int]) {
        guard kept.count < width else { return }
        let newWidth = kept.count
        features.withUnsafeMutableBufferPointer { cells in
            for row in 0..<rows {
                for (k, slot) in kept.enumerated() { cells[row * newWidth + k] = cells[row * width + slot] }
            }
        }
        features.removeLast(features.count - rows * newWidth)
    }
}
