import Foundation

/// Gathers decoded pieces of a file, in file order, into the dataset's arrays, and applies the rules
/// that need the whole file: each column's role (`ColumnRoles`), at least one row, two classes, a
/// label that is not an id, numeric labels grouped by value.
///
/// Each piece's provisional codes (classes, groups, the texts of each column) are renumbered into one
/// file-wide first-seen order, which is the order a single pass over the file would have given, so
/// the final codes do not depend on how the file was cut. Values are copied once, into an array
/// whose capacity is reserved from an estimate of the row count; the columns left out at the end
/// (identifiers) are removed in place, so the float matrix is never copied whole.
struct DatasetAssembler {
    private(set) var features: [Float] = []
    private(set) var labels: [Int32] = []
    private(set) var groups: [Int32] = []
    private var classes = ClassEncoding()
    private var groupEncoding = ClassEncoding()
    private var slotTexts: [ClassEncoding] = []
    private var sightings: [[RowDecoder.TextSighting]] = []
    private var firstMissing: [SourceLocation?] = []
    private var reserved = false
    /// A column with more distinct texts than a cell's payload holds (`CellCode.maximumTextCode`).
    private var overflow: CVKitError?
    /// Whether any missing or text cell was taken.
    private var hasNonNumbers = false
    /// Complete rows taken.
    private var rows = 0

    /// Reserves room for the rows of a `totalBytes` file, judged from a first piece of `bytes` that held
    /// `rows` rows (a 5 % margin: pages reserved but never written cost no memory).
    mutating func reserve(totalBytes: Int, judgingFrom bytes: Int, rows: Int, featureCount: Int) {
        guard !reserved, rows > 0, bytes > 0 else { return }
        reserved = true
        let estimate = Int(Double(totalBytes) / Double(bytes) * Double(rows) * 1.05) + 64
        features.reserveCapacity(estimate * featureCount)
        labels.reserveCapacity(estimate)
    }

    /// Appends what `decoder` produced since its last `removeOutput()`, then clears it there.
    mutating func take(from decoder: RowDecoder) {
        let start = features.count
        if decoder.wroteNonNumbers { hasNonNumbers = true }
        rows += decoder.rowCount
        features.append(contentsOf: UnsafeBufferPointer(start: decoder.features, count: decoder.featureCount))
        if !decoder.labels.isEmpty {
            let codes = decoder.classes.namesInFirstSeenOrder.map { classes.code(for: $0) }
            labels.append(contentsOf: decoder.labels.lazy.map { codes[Int($0)] })
        }
        if !decoder.groups.isEmpty {
            let codes = decoder.groupEncoding.namesInFirstSeenOrder.map { groupEncoding.code(for: $0) }
            groups.append(contentsOf: decoder.groups.lazy.map { codes[Int($0)] })
        }
        let width = decoder.slotTexts.count
        if slotTexts.count != width {
            slotTexts = Array(repeating: ClassEncoding(), count: width)
            sightings = Array(repeating: [], count: width)
            firstMissing = Array(repeating: nil, count: width)
        }
        for slot in 0..<width {
            if firstMissing[slot] == nil { firstMissing[slot] = decoder.firstMissing[slot] }
            let room = RowDecoder.sightingsKept - sightings[slot].count
            if room > 0 { sightings[slot] += decoder.sightings[slot].prefix(room) }
            let names = decoder.slotTexts[slot].namesInFirstSeenOrder
            if names.isEmpty { continue }
            let codes = names.map { slotTexts[slot].code(for: $0) }
            if slotTexts[slot].namesInFirstSeenOrder.count > Int(CellCode.maximumTextCode), overflow == nil {
                overflow = .badData(location: nil, message: "column \(slot + 1) of the values has more distinct texts than cvkit keeps "
                    + "(\(CellCode.maximumTextCode)): --drop it")
            }
            var position = start + (slot - start % width + width) % width
            features.withUnsafeMutableBufferPointer { cells in
                while position < cells.count {
                    if let code = CellCode.textCode(cells[position]) { cells[position] = CellCode.text(codes[Int(code)]) }
                    position += width
                }
            }
        }
        decoder.removeOutput()
    }

    /// The dataset, or the whole-file error.
    mutating func finish(file: String, layout: ColumnLayout?, encodings: [ColumnEncoding], options: CSVOptions, source: Dataset.Source) throws -> Dataset {
        guard let layout else {
            throw CVKitError.badData(location: nil, message: "\(file): the file is empty: expected a header row and data rows")
        }
        guard rows > 0 else {
            throw CVKitError.badData(location: nil, message: "\(file): the header has no data rows below it")
        }
        if let overflow { throw overflow }
        guard layout.labelColumn >= 0 else {
            // No label column (a file to predict): features and roles only.
            var roles = ColumnRoles(
                file: file, layout: layout, encodings: encodings, options: options, rows: rows,
                texts: slotTexts, sightings: sightings, firstMissing: firstMissing, hasNonNumbers: hasNonNumbers)
            try roles.decide(features: &features)
            return Dataset(source: source, columns: roles.columns, labelName: "", classNames: [], features: features, labels: [],
                           identifierName: roles.identifierName, identifiers: roles.identifiers)
        }
        let labelName = layout.names[layout.labelColumn]
        let (classNames, remap, merged) = LabelValues.classes(classes, labels: labels)
        if classNames.count < 2 {
            throw CVKitError.badData(
                location: nil,
                message: "\(file): column \"\(labelName)\" has only one class (\"\(classNames[0])\"): a classifier needs at least two")
        }
        if classNames.count == labels.count && labels.count >= 10 {
            throw CVKitError.badData(
                location: nil,
                message: "\(file): every row of column \"\(labelName)\" is a class of its own: it looks like an id or a regression target, "
                    + "not a class label. Choose the label column with --label")
        }
        let codes = labels.map { remap[Int($0)] }
        var roles = ColumnRoles(
            file: file, layout: layout, encodings: encodings, options: options, rows: rows,
            texts: slotTexts, sightings: sightings, firstMissing: firstMissing, hasNonNumbers: hasNonNumbers)
        try roles.decide(features: &features)
        var columns = roles.columns
        if let index = columns.firstIndex(where: { $0.index == layout.labelColumn }), !merged.isEmpty {
            columns[index].reason = "the label; numbers grouped by value: "
                + merged.map { "\($0.name) ← " + $0.spellings.map { "\"\($0)\"" }.joined(separator: ", ") }.joined(separator: "; ")
        }
        return Dataset(
            source: source, columns: columns, labelName: labelName, classNames: classNames,
            features: features, labels: codes, groupsName: layout.groupsColumn.map { layout.names[$0] },
            groupNames: groupEncoding.namesInFirstSeenOrder, groups: groups,
            identifierName: roles.identifierName, identifiers: roles.identifiers)
    }
}
