import CKernels

/// Turns libcsv's fields into the dataset's values as they arrive, with no `String` and no allocation
/// per field: features are parsed in place from libcsv's bytes into a float buffer, labels and group
/// ids become provisional codes (`ClassEncoding`, first-seen order within this decoder's output).
///
/// The first row (before the layout is known) is kept whole, to be read as the header — or, without
/// a header, to fix the width and then be read as data. Within a data row the first bad field is only
/// noted: the row's width is checked first when the row ends, as a user reads a row. The first error
/// stops the decoder; the tokenizer throws it. `removeOutput()` hands the values over in pieces (the
/// `DatasetAssembler` takes them), so a decoder's memory stays at one piece of the file.
final class RowDecoder {
    let file: String
    let options: CSVOptions
    private(set) var layout: ColumnLayout?
    /// The physical line being fed; the tokenizer sets it.
    var line = 1
    /// The first error; everything after it is ignored.
    private(set) var error: CVKitError? {
        didSet { if error != nil { decodingWidth = 0 } }
    }
    /// Fields seen so far in the current row.
    private(set) var fieldsInRow = 0

    private var rowLine = 0
    private var rowProblem: CVKitError?
    private var firstRow = CSVRow()
    // The layout, unpacked for the per-field path (width 0: no layout yet; -1: no such column).
    private var width = 0
    private var labelColumn = -1
    private var groupsColumn = -1
    private var featuresPerRow = 0
    /// `width` while data rows are decoded, 0 before the layout is known and after an error.
    private var decodingWidth = 0

    /// Feature values decoded since the last `removeOutput()`, row-major.
    private(set) var features: UnsafeMutablePointer<Float>
    private var featureCapacity: Int
    private(set) var featureCount = 0
    /// Provisional class codes (indices into `classes.namesInFirstSeenOrder`), one per row.
    private(set) var labels: [Int32] = []
    /// Provisional group codes (indices into `groupEncoding.namesInFirstSeenOrder`), when groups are read.
    private(set) var groups: [Int32] = []
    private(set) var classes = ClassEncoding()
    private(set) var groupEncoding = ClassEncoding()
    /// Complete data rows since the last `removeOutput()`.
    private(set) var rowCount = 0
    /// Rows `decodePlainRow` took since this decoder was made (the tests check the path is used).
    private(set) var plainRowCount = 0
    private var labelCache = LabelCache()
    private var groupCache = LabelCache()

    /// Where each field of a plain row ends (`decodePlainRow`), room for `width` of them.
    private var fieldEnds = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)

    init(file: String, options: CSVOptions) {
        self.file = file
        self.options = options
        featureCapacity = 1 << 14
        features = .allocate(capacity: featureCapacity)
    }

    deinit {
        features.deallocate()
        fieldEnds.deallocate()
    }

    /// Starts afresh for rows of a known layout (a piece of a file after its header).
    func start(layout: ColumnLayout) {
        removeOutput()
        error = nil
        fieldsInRow = 0
        rowProblem = nil
        firstRow.removeAll()
        adopt(layout)
    }

    /// Forgets the values decoded so far (after the assembler copied them); a row in progress continues.
    func removeOutput() {
        featureCount = 0
        labels.removeAll(keepingCapacity: true)
        groups.removeAll(keepingCapacity: true)
        classes = ClassEncoding()
        groupEncoding = ClassEncoding()
        labelCache.removeAll()
        groupCache.removeAll()
        rowCount = 0
    }

    // MARK: - Called by the tokenizer

    /// One field of the current row; `bytes` is followed in memory by a NUL byte.
    ///
    /// The common case — a feature column of a data row, a plain decimal — stays in this small
    /// function; everything else (labels, other number syntaxes, errors, the first row) is called out.
    @inline(__always) func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        let column = fieldsInRow
        fieldsInRow = column &+ 1
        guard column < decodingWidth else { return otherField(bytes, column: column) }
        if column == 0 { startDataRow() }
        if column == labelColumn || column == groupsColumn { return decodeText(bytes, column: column) }
        if let value = FieldParsing.parsePlainDecimal(bytes) {
            features[featureCount] = value
            featureCount &+= 1
        } else {
            decodeNumber(bytes, column: column)
        }
    }

    /// The end of the current row.
    func endRow() {
        defer {
            fieldsInRow = 0
            rowProblem = nil
        }
        if error != nil { return }
        if width == 0 {
            endFirstRow()
            return
        }
        finishDataRow()
    }

    // MARK: - Plain rows, without libcsv

    /// Decodes one whole data row — `text` holds a line's bytes before its LF, which follows them in
    /// memory — and returns true; or decodes nothing and returns false, and the tokenizer gives the
    /// line to libcsv.
    ///
    /// A row is taken here only when libcsv could not read it differently: no byte of it is special
    /// to libcsv (`cvk_split_plain_line`: quote, CR, space, tab, NUL), so libcsv would split it at
    /// each delimiter and nowhere else. Every field must also be on the fast path of `field` — a
    /// plain decimal, or a label or group id already in its cache — and the row must have the
    /// header's width. Anything else (an empty field, an exponent, a new class, a short row, an
    /// error to report) declines, so every message still comes from the libcsv path, and the values
    /// are those that path gives (the same `parsePlainDecimal`).
    func decodePlainRow(_ text: UnsafePointer<UInt8>, count: Int, delimiter: UInt8) -> Bool {
        guard decodingWidth > 0, fieldsInRow == 0 else { return false }
        guard cvk_split_plain_line(text, count, delimiter, fieldEnds, width) == width else { return false }
        if featureCapacity - featureCount < featuresPerRow { growFeatures() }
        let savedFeatures = featureCount, savedLabels = labels.count, savedGroups = groups.count
        var start = 0
        for column in 0..<width {
            let end = Int(fieldEnds[column])
            let field = UnsafeBufferPointer(start: text + start, count: end - start)
            start = end + 1
            if column == labelColumn || column == groupsColumn {
                if column == labelColumn, let code = labelCache.code(for: field) {
                    labels.append(code)
                    continue
                }
                if column == groupsColumn, let code = groupCache.code(for: field) {
                    groups.append(code)
                    continue
                }
            } else if let value = FieldParsing.parsePlainDecimal(field) {
                // The byte after the field (a delimiter or the LF) is not a digit, as the parser needs.
                features[featureCount] = value
                featureCount &+= 1
                continue
            }
            featureCount = savedFeatures
            labels.removeLast(labels.count - savedLabels)
            groups.removeLast(groups.count - savedGroups)
            return false
        }
        rowLine = line
        rowCount += 1
        plainRowCount += 1
        return true
    }

    // MARK: - Data rows

    /// A field outside the fast path: after an error, before the layout is known, or past the width.
    @inline(never) private func otherField(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        if error != nil || column >= width && width > 0 { return }
        if column == 0 { firstRow.line = line }
        firstRow.append(UnsafeRawBufferPointer(bytes))
    }

    @inline(__always) private func startDataRow() {
        rowLine = line
        if featureCapacity - featureCount < featuresPerRow { growFeatures() }
    }

    /// Any field of a data row, the slow way (also used for the first row read as data).
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        if column >= width { return }
        if column == labelColumn || column == groupsColumn { return decodeText(bytes, column: column) }
        decodeNumber(bytes, column: column)
    }

    @inline(never) private func decodeNumber(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        switch FieldParsing.parseAnyDecimal(bytes) {
        case .success(let value):
            features[featureCount] = value
            featureCount &+= 1
        case .failure(let problem):
            note(.badData(
                location: SourceLocation(file: file, line: rowLine, column: column + 1),
                message: "column \"\(layout?.names[column] ?? "")\": " + problem.message(shown: FieldParsing.quote(bytes))))
        }
    }

    /// A label or group id: its code, found by its bytes when seen recently.
    @inline(never) private func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        let isLabel = column == labelColumn
        if let code = isLabel ? labelCache.code(for: bytes) : groupCache.code(for: bytes) {
            if isLabel { labels.append(code) } else { groups.append(code) }
            return
        }
        guard let name = FieldParsing.text(bytes), !name.isEmpty else { return note(labelProblem(bytes, column: column)) }
        if isLabel {
            let code = classes.code(for: name)
            labelCache.insert(bytes, code: code)
            labels.append(code)
        } else {
            let code = groupEncoding.code(for: name)
            groupCache.insert(bytes, code: code)
            groups.append(code)
        }
    }

    private func finishDataRow() {
        if fieldsInRow != width {
            let count = fieldsInRow
            let what = options.hasHeader ? "the header has \(width) columns" : "the first row has \(width)"
            error = .badData(
                location: SourceLocation(file: file, line: rowLine, column: min(count, width) + 1),
                message: "this row has \(count) field\(count == 1 ? "" : "s"), but \(what)")
        } else if let rowProblem {
            error = rowProblem
        } else {
            rowCount += 1
        }
    }

    /// Keeps the first bad field of the row; it becomes the error if the row has the right width.
    private func note(_ problem: CVKitError) {
        if rowProblem == nil { rowProblem = problem }
    }

    private func labelProblem(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> CVKitError {
        let location = SourceLocation(file: file, line: rowLine, column: column + 1)
        let name = layout?.names[column] ?? ""
        if bytes.isEmpty {
            return .badData(location: location, message: "column \"\(name)\": empty \(column == labelColumn ? "label" : "group id")")
        }
        return .badData(location: location, message: "column \"\(name)\": the text is not valid UTF-8")
    }

    /// Room for at least one more row of features, so the per-field path never checks capacity.
    @inline(never) private func growFeatures() {
        let capacity = max(featureCapacity * 2, featureCount + featuresPerRow)
        let grown = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
        grown.moveInitialize(from: features, count: featureCount)
        features.deallocate()
        features = grown
        featureCapacity = capacity
    }

    // MARK: - The first row

    private func endFirstRow() {
        let result: Result<ColumnLayout, CVKitError>
        if options.hasHeader {
            result = ColumnLayout.reading(header: firstRow, file: file, options: options)
        } else {
            let names = (0..<firstRow.count).map { "c\($0)" }
            result = ColumnLayout.choosing(in: names, line: firstRow.line, file: file, options: options)
        }
        switch result {
        case .failure(let failure):
            error = failure
        case .success(let layout):
            adopt(layout)
            if !options.hasHeader {
                // Without a header the first row is data.
                startDataRow()
                rowLine = firstRow.line
                for column in 0..<firstRow.count { firstRow.withField(column) { decode($0, column: column) } }
                finishDataRow()
            }
        }
        firstRow.removeAll()
    }

    private func adopt(_ layout: ColumnLayout) {
        if layout.width > width {
            fieldEnds.deallocate()
            fieldEnds = .allocate(capacity: layout.width)
        }
        self.layout = layout
        width = layout.width
        labelColumn = layout.labelColumn
        groupsColumn = layout.groupsColumn ?? -1
        featuresPerRow = layout.featureCount
        decodingWidth = layout.width
    }
}
