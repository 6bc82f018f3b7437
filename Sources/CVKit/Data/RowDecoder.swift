import CKernels

/// Turns libcsv's fields into the dataset's values as they arrive, with no `String` and no allocation
/// per field: numbers are parsed in place from libcsv's bytes into a float buffer, labels and group
/// ids become provisional codes (`ClassEncoding`, first-seen order within this decoder's output),
/// and a text in a number or text column becomes a provisional code of that column, held in the
/// cell as a NaN payload (`CellCode`) until the assembler decides the column's role.
///
/// The first row (before the layout is known) is kept whole, to be read as the header — or, without
/// a header, to fix the width and then be read as data. The first `encodingRows` data rows of the
/// file also fix each number column's `ColumnEncoding` (their numbers wait in `pending` until then;
/// the assembler takes nothing before). Within a data row the first bad field is only noted: the
/// row's width is checked first when the row ends, as a user reads a row. The first error stops the
/// decoder; the tokenizer throws it. `removeOutput()` hands the values over in pieces (the
/// `DatasetAssembler` takes them), so a decoder's memory stays at one piece of the file.
final class RowDecoder {
    /// Where the first few texts of a number column were, for the message if the column is numeric.
    struct TextSighting: Sendable, Equatable {
        var location: SourceLocation
        var shown: String
    }
    /// Texts remembered per column.
    static let sightingsKept = 3

    let file: String
    let options: CSVOptions
    private(set) var layout: ColumnLayout?
    /// Data rows whose numbers choose each column's encoding (`ColumnEncoding.choosing`).
    static let encodingRows = 64

    /// Each number column's encoding (by column), fixed by the file's first `encodingRows` data rows.
    private(set) var encodings: [ColumnEncoding] = []
    private(set) var encodingsFixed = false
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
    private let markers: MissingMarkers
    /// The decimal mark is `.` (the plain path reads only such numbers).
    private let pointDecimal: Bool
    // The layout, unpacked for the per-field path (width 0: no layout yet).
    private var width = 0
    private var slotsPerRow = 0
    /// Per column: `Kind.rawValue`.
    /// (A raw buffer, `width` long: an array's bounds check and retain cost 10 % of a numeric load.)
    private var kinds = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    private var slotOf: [Int] = []
    /// `width` while data rows are decoded, 0 before the layout is known and after an error.
    private var decodingWidth = 0

    /// How each column's fields are decoded here (`plainNumber` is the fast path).
    private enum Kind: UInt8 {
        case plainNumber = 0, slowNumber, text, label, groups, skip
    }

    /// Values decoded since the last `removeOutput()`, row-major, `slotsPerRow` per row.
    private(set) var features: UnsafeMutablePointer<Float>
    private var featureCapacity: Int
    private(set) var featureCount = 0
    /// Provisional class codes (indices into `classes.namesInFirstSeenOrder`), one per row.
    private(set) var labels: [Int32] = []
    /// Provisional group codes (indices into `groupEncoding.namesInFirstSeenOrder`), when groups are read.
    private(set) var groups: [Int32] = []
    private(set) var classes = ClassEncoding()
    private(set) var groupEncoding = ClassEncoding()
    /// Per slot: the texts seen (provisional codes in the cells), the first few sightings in number
    /// columns, and the first missing cell.
    private(set) var slotTexts: [ClassEncoding] = []
    private(set) var sightings: [[TextSighting]] = []
    private(set) var firstMissing: [SourceLocation?] = []
    /// Collecting (`CSVLoader.profile`): a row's problem is kept in `problems` and the row left out,
    /// instead of stopping at the first. Only for one decoder over a whole input (nothing taken before the end).
    var collecting = false
    private(set) var problems: [CVKitError] = []
    private var problemsPerColumn: [Int: Int] = [:]
    private var rowStart = (features: 0, labels: 0, groups: 0)

    /// Whether a missing or text cell was written since the last `removeOutput()` (if no decoder
    /// wrote one, the assembler skips the pass that counts them).
    private(set) var wroteNonNumbers = false
    /// Complete data rows since the last `removeOutput()`.
    private(set) var rowCount = 0
    /// Rows `decodePlainRow` took since this decoder was made (the tests check the path is used).
    private(set) var plainRowCount = 0
    private var labelCache = LabelCache()
    private var groupCache = LabelCache()
    /// Per slot: recent texts and missing markers (code -1) by their bytes.
    private var slotCaches: [LabelCache] = []
    /// Numbers of the rows read before the encodings are fixed: where they go, and their values.
    private var pending: [(position: Int, column: Int, value: Double, float: Float?, line: Int)] = []
    /// Sightings noted since the current plain row began (slot, count before), undone if it declines.
    private var plainSightings: [(slot: Int, count: Int)] = []
    /// A field rewritten with `.` for the decimal comma, NUL-terminated.
    private var scratch: [UInt8] = []

    /// Where each field of a plain row ends (`decodePlainRow`), room for `width` of them.
    private var fieldEnds = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)

    init(file: String, options: CSVOptions) {
        self.file = file
        self.options = options
        markers = MissingMarkers(options.missingMarkers)
        pointDecimal = options.decimal == 0x2E
        featureCapacity = 1 << 14
        features = .allocate(capacity: featureCapacity)
    }

    deinit {
        features.deallocate()
        fieldEnds.deallocate()
        kinds.deallocate()
    }

    /// Starts afresh for rows of a known layout and encodings (a piece of a file after its header).
    func start(layout: ColumnLayout, encodings: [ColumnEncoding]) {
        removeOutput()
        error = nil
        fieldsInRow = 0
        rowProblem = nil
        firstRow.removeAll()
        adopt(layout)
        fix(encodings)
    }

    /// Forgets the values decoded so far (after the assembler copied them); a row in progress continues.
    func removeOutput() {
        featureCount = 0
        wroteNonNumbers = false
        labels.removeAll(keepingCapacity: true)
        groups.removeAll(keepingCapacity: true)
        classes = ClassEncoding()
        groupEncoding = ClassEncoding()
        labelCache.removeAll()
        groupCache.removeAll()
        for slot in slotTexts.indices {
            slotTexts[slot] = ClassEncoding()
            slotCaches[slot].removeAll()
            sightings[slot].removeAll()
            firstMissing[slot] = nil
        }
        rowCount = 0
    }

    // MARK: - Called by the tokenizer

    /// One field of the current row; `bytes` is followed in memory by a NUL byte.
    ///
    /// The common case — a number column of a data row, a plain decimal — stays in this small
    /// function; everything else (labels, texts, other number syntaxes, errors, the first row) is called out.
    @inline(__always) func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        let column = fieldsInRow
        fieldsInRow = column &+ 1
        guard column < decodingWidth else { return otherField(bytes, column: column) }
        if column == 0 { startDataRow() }
        if kinds[column] != Kind.plainNumber.rawValue { return decode(bytes, column: column) }
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
    /// each delimiter and nowhere else. Every field must also be on a fast path of `field` — a
    /// plain decimal in a plain number column, or a label, group id, text or missing marker already
    /// in its column's cache, or a dropped column — and the row must have the header's width. Anything
    /// else (a new text, an exponent, a short row, an error to report) declines, so every message
    /// still comes from the libcsv path, and the values are those that path gives.
    func decodePlainRow(_ text: UnsafePointer<UInt8>, count: Int, delimiter: UInt8) -> Bool {
        guard decodingWidth > 0, fieldsInRow == 0, encodingsFixed, pointDecimal else { return false }
        if !plainSightings.isEmpty { plainSightings.removeAll(keepingCapacity: true) }
        guard cvk_split_plain_line(text, count, delimiter, fieldEnds, width) == width else { return false }
        if featureCapacity - featureCount < slotsPerRow { growFeatures() }
        let savedFeatures = featureCount, savedLabels = labels.count, savedGroups = groups.count
        rowLine = line
        var start = 0
        for column in 0..<width {
            let end = Int(fieldEnds[column])
            let field = UnsafeBufferPointer(start: text + start, count: end - start)
            start = end + 1
            if kinds[column] == Kind.plainNumber.rawValue, let value = FieldParsing.parsePlainDecimal(field) {
                // The byte after the field (a delimiter or the LF) is not a digit, as the parser needs.
                features[featureCount] = value
                featureCount &+= 1
                continue
            }
            if plainOther(field, column: column) { continue }
            featureCount = savedFeatures
            labels.removeLast(labels.count - savedLabels)
            groups.removeLast(groups.count - savedGroups)
            // The libcsv path notes this row's texts again (a text stored here keeps its code: same order).
            for (slot, count) in plainSightings.reversed() { sightings[slot].removeLast(sightings[slot].count - count) }
            plainSightings.removeAll(keepingCapacity: true)
            return false
        }
        if !plainSightings.isEmpty { plainSightings.removeAll(keepingCapacity: true) }
        rowCount += 1
        plainRowCount += 1
        return true
    }

    /// Any field of a plain row but a plain decimal in a plain number column: true when it was taken.
    @inline(never) private func plainOther(_ field: UnsafeBufferPointer<UInt8>, column: Int) -> Bool {
        switch kinds[column] {
        case Kind.plainNumber.rawValue, Kind.text.rawValue:
            return cachedCell(field, column: column) || plainText(field, column: column)
        case Kind.label.rawValue:
            guard let code = labelCache.code(for: field) else { return false }
            labels.append(code)
            return true
        case Kind.groups.rawValue:
            guard let code = groupCache.code(for: field) else { return false }
            groups.append(code)
            return true
        case Kind.skip.rawValue:
            return true
        default:
            return false
        }
    }

    /// A text the cache does not hold, on the plain path: stored when it can be nothing else — not a
    /// missing marker, not something the number parser would read or reject with an error, valid
    /// UTF-8. Otherwise false, and the line goes to libcsv.
    @inline(never) private func plainText(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> Bool {
        guard RowDecoder.isPlainText(bytes), !markers.contains(bytes), FieldParsing.text(bytes) != nil else { return false }
        storeText(bytes, slot: slotOf[column], column: column, isNumberColumn: kinds[column] != Kind.text.rawValue)
        return true
    }

    /// Whether a field is surely text to the number parser: non-empty, and its first byte is none of
    /// a digit, sign, point, space, tab, or the `i`/`n` that start `inf` and `nan`.
    @inline(__always) static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x20, 0x09,
             UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return false
        default:
            return true
        }
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
        if featureCapacity - featureCount < slotsPerRow { growFeatures() }
        if collecting { rowStart = (featureCount, labels.count, groups.count) }
    }

    /// Any field of a data row, the slow way (also used for the first row read as data).
    @inline(never) private func decode(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        if column >= width { return }
        switch kinds[column] {
        case Kind.plainNumber.rawValue, Kind.slowNumber.rawValue: decodeNumber(bytes, column: column)
        case Kind.text.rawValue: decodeText(bytes, column: column)
        case Kind.label.rawValue, Kind.groups.rawValue: decodeLabel(bytes, column: column)
        default: break
        }
    }

    /// A cell already in the column's cache (a text or a missing marker): stored, and true.
    @inline(__always) private func cachedCell(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> Bool {
        let slot = slotOf[column]
        guard let code = slotCaches[slot].code(for: bytes) else { return false }
        if code < 0 {
            storeMissing(slot: slot, column: column)
        } else {
            if kinds[column] != Kind.text.rawValue { noteText(bytes, slot: slot, column: column) }
            storeCell(CellCode.text(code))
        }
        return true
    }

    @inline(never) private func decodeNumber(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        if cachedCell(bytes, column: column) { return }
        let slot = slotOf[column]
        if layout?.declared[column] != .numeric, RowDecoder.isPlainText(bytes), !markers.contains(bytes) {
            return storeText(bytes, slot: slot, column: column, isNumberColumn: true)
        }
        var field = bytes
        var commaTranslated = true
        if options.decimal == 0x2C {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: bytes)
            commaTranslated = !scratch.contains(0x2E)
            for i in scratch.indices where scratch[i] == 0x2C { scratch[i] = 0x2E }
            scratch.append(0)
        }
        let parsed: Result<Float, FieldParsing.NumberProblem> = scratch.withUnsafeBufferPointer { translated in
            if options.decimal == 0x2C {
                field = UnsafeBufferPointer(rebasing: translated[0..<bytes.count])
                if !commaTranslated { return .failure(.malformed) }
            }
            if !encodingsFixed {
                switch FieldParsing.parseAnyDouble(field) {
                case .success(let value):
                    // The Float as the parser rounds it once (strtof), for an identity encoding: not Float(value).
                    let float = try? FieldParsing.parseAnyDecimal(field).get()
                    pending.append((featureCount, column, value, float, rowLine))
                    return .success(0)  // replaced when the encodings are fixed
                case .failure(let problem): return .failure(problem)
                }
            }
            let encoding = encodings[column]
            if encoding.isIdentity { return FieldParsing.parseAnyDecimal(field) }
            switch FieldParsing.parseAnyDouble(field) {
            case .success(let value):
                let stored = encoding.store(value)
                return stored.isFinite ? .success(stored) : .failure(.outOfRange)
            case .failure(let problem): return .failure(problem)
            }
        }
        switch parsed {
        case .success(let value):
            features[featureCount] = value
            featureCount &+= 1
            return
        case .failure(.infinite), .failure(.outOfRange):
            break
        case .failure(let problem) where layout?.declared[column] == .numeric && !markers.contains(bytes):
            note(numberProblem(problem, bytes, column: column))
            return
        case .failure:
            if markers.contains(bytes) {
                slotCaches[slot].insert(bytes, code: -1)
                storeMissing(slot: slot, column: column)
            } else {
                storeText(bytes, slot: slot, column: column, isNumberColumn: true)
            }
            return
        }
        if case .failure(let problem) = parsed { note(numberProblem(problem, bytes, column: column)) }
    }

    /// The message for a value that the column's shifted or scaled storage cannot hold.
    static func tooFar(_ shown: String) -> String {
        "\(shown) lies too far from the median of the column's first 64 values, by which the column is shifted or scaled, "
            + "to store in a 32-bit float beside them"
    }

    private func numberProblem(_ problem: FieldParsing.NumberProblem, _ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> CVKitError {
        var message = problem.message(shown: FieldParsing.quote(bytes))
        if problem == .outOfRange, !encodings[column].isIdentity {
            message = RowDecoder.tooFar(FieldParsing.quote(bytes))
        } else if problem == .malformed, layout?.declared[column] == .numeric {
            message += " (the column is declared --numeric)"
        }
        return .badData(location: SourceLocation(file: file, line: rowLine, column: column + 1),
                        message: "column \"\(layout?.names[column] ?? "")\": " + message)
    }

    /// A field of a declared categorical or identifier column.
    @inline(never) private func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        if cachedCell(bytes, column: column) { return }
        let slot = slotOf[column]
        if markers.contains(bytes) {
            slotCaches[slot].insert(bytes, code: -1)
            return storeMissing(slot: slot, column: column)
        }
        storeText(bytes, slot: slot, column: column, isNumberColumn: false)
    }

    private func storeText(_ bytes: UnsafeBufferPointer<UInt8>, slot: Int, column: Int, isNumberColumn: Bool) {
        guard let name = FieldParsing.text(bytes) else {
            return note(.badData(location: SourceLocation(file: file, line: rowLine, column: column + 1),
                                 message: "column \"\(layout?.names[column] ?? "")\": the text is not valid UTF-8"))
        }
        let code = slotTexts[slot].code(for: name)
        if code > CellCode.maximumTextCode {
            return note(.badData(location: SourceLocation(file: file, line: rowLine, column: column + 1),
                                 message: "column \"\(layout?.names[column] ?? "")\" has more distinct texts than cvkit keeps (\(CellCode.maximumTextCode)); --drop it"))
        }
        slotCaches[slot].insert(bytes, code: code)
        if isNumberColumn { noteText(bytes, slot: slot, column: column) }
        storeCell(CellCode.text(code))
    }

    /// A missing cell: stored, and its place noted if it is the column's first.
    @inline(__always) private func storeMissing(slot: Int, column: Int) {
        noteMissing(slot: slot, column: column)
        storeCell(CellCode.missing)
    }

    /// A NaN-coded cell (missing or text) appended to the row.
    @inline(__always) private func storeCell(_ value: Float) {
        features[featureCount] = value
        featureCount &+= 1
        wroteNonNumbers = true
    }

    @inline(__always) private func noteText(_ bytes: UnsafeBufferPointer<UInt8>, slot: Int, column: Int) {
        if sightings[slot].count < RowDecoder.sightingsKept {
            plainSightings.append((slot, sightings[slot].count))
            sightings[slot].append(TextSighting(location: SourceLocation(file: file, line: rowLine, column: column + 1), shown: FieldParsing.quote(bytes)))
        }
    }

    @inline(__always) private func noteMissing(slot: Int, column: Int) {
        if firstMissing[slot] == nil { firstMissing[slot] = SourceLocation(file: file, line: rowLine, column: column + 1) }
    }

    /// A label or group id: its code, found by its bytes when seen recently.
    @inline(never) private func decodeLabel(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) {
        let isLabel = kinds[column] == Kind.label.rawValue
        if let code = isLabel ? labelCache.code(for: bytes) : groupCache.code(for: bytes) {
            if isLabel { labels.append(code) } else { groups.append(code) }
            return
        }
        guard let name = FieldParsing.text(bytes), !markers.contains(bytes) else { return note(labelProblem(bytes, column: column)) }
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
        var problem: CVKitError?
        if fieldsInRow != width {
            let count = fieldsInRow
            let what = options.hasHeader ? "the header has \(width) columns" : "the first row has \(width)"
            problem = .badData(
                location: SourceLocation(file: file, line: rowLine, column: min(count, width) + 1),
                message: "this row has \(count) field\(count == 1 ? "" : "s"), but \(what)")
        } else if let rowProblem {
            problem = rowProblem
        }
        if let problem {
            guard collecting else {
                error = problem
                return
            }
            // Collecting: the row is left out and its problem kept (a few per column, 50 in all).
            featureCount = rowStart.features
            labels.removeLast(labels.count - rowStart.labels)
            groups.removeLast(groups.count - rowStart.groups)
            pending.removeAll { $0.position >= rowStart.features }
            if case .badData(let location, _) = problem, let column = location?.column {
                problemsPerColumn[column, default: 0] += 1
                if problemsPerColumn[column, default: 0] > RowDecoder.sightingsKept { return }
            }
            if problems.count < 50 { problems.append(problem) }
        } else {
            rowCount += 1
            if !encodingsFixed, rowCount >= RowDecoder.encodingRows { fixPendingEncodings() }
        }
    }

    /// Keeps the first bad field of the row; it becomes the error if the row has the right width.
    private func note(_ problem: CVKitError) {
        if rowProblem == nil { rowProblem = problem }
    }

    private func labelProblem(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> CVKitError {
        let location = SourceLocation(file: file, line: rowLine, column: column + 1)
        let name = layout?.names[column] ?? ""
        let isLabel = kinds[column] == Kind.label.rawValue
        if markers.contains(bytes) {
            let shown = bytes.isEmpty ? "empty" : "missing (\(FieldParsing.quote(bytes)))"
            if isLabel {
                return .badData(location: location, message: "column \"\(name)\": the label is \(shown): a row with no class cannot be scored; "
                    + "remove the row, or pass --na-values to change which texts mean missing")
            }
            return .badData(location: location, message: "column \"\(name)\": the group id is \(shown)")
        }
        return .badData(location: location, message: "column \"\(name)\": the text is not valid UTF-8")
    }

    /// Room for at least one more row of values, so the per-field path never checks capacity.
    @inline(never) private func growFeatures() {
        let capacity = max(featureCapacity * 2, featureCount + slotsPerRow)
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
            kinds.deallocate()
            kinds = .allocate(capacity: layout.width)
        }
        self.layout = layout
        width = layout.width
        slotsPerRow = layout.slotCount
        slotOf = layout.slots
        decodingWidth = layout.width
        let slots = layout.slotCount
        slotTexts = Array(repeating: ClassEncoding(), count: slots)
        slotCaches = Array(repeating: LabelCache(), count: slots)
        sightings = Array(repeating: [], count: slots)
        firstMissing = Array(repeating: nil, count: slots)
        encodings = Array(repeating: .identity, count: layout.width)
        encodingsFixed = false
        pending.removeAll()
        // Until the first data row fixes the encodings, every number takes the slow path.
        setKinds(plain: false)
    }

    /// Chooses each number column's encoding from the rows read so far and stores their numbers with
    /// it. Called after `encodingRows` rows, or at the end of the input when there are fewer.
    func fixPendingEncodings() {
        guard !encodingsFixed, layout != nil else { return }
        var values = [[Double]](repeating: [], count: width)
        for cell in pending { values[cell.column].append(cell.value) }
        var chosen = [ColumnEncoding](repeating: .identity, count: width)
        for column in 0..<width where !values[column].isEmpty { chosen[column] = ColumnEncoding.choosing(from: values[column]) }
        for cell in pending {
            let encoding = chosen[cell.column]
            let stored = encoding.isIdentity ? (cell.float ?? .infinity) : encoding.store(cell.value)
            if !stored.isFinite, error == nil {
                let shown = "\"\(cell.value)\""
                error = .badData(location: SourceLocation(file: file, line: cell.line, column: cell.column + 1),
                                 message: "column \"\(layout?.names[cell.column] ?? "")\": "
                                    + (encoding.isIdentity ? FieldParsing.NumberProblem.outOfRange.message(shown: shown) : RowDecoder.tooFar(shown)))
            }
            features[cell.position] = stored
        }
        pending.removeAll()
        fix(chosen)
    }

    private func fix(_ chosen: [ColumnEncoding]) {
        encodings = chosen
        encodingsFixed = true
        setKinds(plain: true)
    }

    private func setKinds(plain: Bool) {
        guard let layout else { return }
        for column in layout.decoding.indices {
            kinds[column] = kind(of: column, layout: layout, plain: plain)
        }
    }

    private func kind(of column: Int, layout: ColumnLayout, plain: Bool) -> UInt8 {
        switch layout.decoding[column] {
        case .number:
            let fast = plain && options.decimal == 0x2E && encodings[column].isIdentity
            return (fast ? Kind.plainNumber : Kind.slowNumber).rawValue
        case .text: return Kind.text.rawValue
        case .label: return Kind.label.rawValue
        case .groups: return Kind.groups.rawValue
        case .skip: return Kind.skip.rawValue
        }
    }
}
