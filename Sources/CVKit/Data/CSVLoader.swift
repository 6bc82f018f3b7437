/// Loads a CSV file into a `Dataset`, streaming: bytes → libcsv → one `[Float]` and one `[Int32]`.
///
/// The rules (every rejection is a `CVKitError.badData` naming file, line and column):
/// - a UTF-8 byte-order mark is skipped; CRLF and LF line ends are both accepted; quoted fields may
///   hold the delimiter, doubled quotes and line breaks; blank lines are skipped (libcsv's rule);
/// - the header (unless `hasHeader` is false) names every column, uniquely and non-empty;
/// - every row has the header's number of fields; features follow `FieldParsing`; labels and group
///   ids are any non-empty UTF-8 text (spaces around unquoted text are trimmed by libcsv);
/// - the file has at least one data row, one feature column and two classes.
public enum CSVLoader {
    /// Loads the file at `path`.
    public static func load(path: String, options: CSVOptions = CSVOptions()) throws -> Dataset {
        let builder = DatasetBuilder(file: path, options: options)
        let tokenizer = try CSVTokenizer(file: path, delimiter: options.delimiter, consumer: builder)
        var first = true
        let source = try InputFile.read(path: path) { chunk in
            var chunk = chunk
            if first {
                first = false
                chunk = try skipByteOrderMark(chunk, file: path)
            }
            try tokenizer.feed(chunk)
        }
        try tokenizer.finish()
        return try builder.finish(source: source)
    }

    /// Loads CSV text held in memory; `name` stands for the file in messages. For tests and tools.
    public static func load(text: String, name: String = "<text>", options: CSVOptions = CSVOptions()) throws -> Dataset {
        let bytes = Array(text.utf8)
        let builder = DatasetBuilder(file: name, options: options)
        let tokenizer = try CSVTokenizer(file: name, delimiter: options.delimiter, consumer: builder)
        try bytes.withUnsafeBytes { try tokenizer.feed(skipByteOrderMark($0, file: name)) }
        try tokenizer.finish()
        var hasher = SHA256()
        hasher.update(bytes)
        return try builder.finish(source: Dataset.Source(path: name, sha256: hasher.finalizeHex(), byteCount: bytes.count))
    }

    private static func skipByteOrderMark(_ chunk: UnsafeRawBufferPointer, file: String) throws -> UnsafeRawBufferPointer {
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { return UnsafeRawBufferPointer(rebasing: chunk[3...]) }
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
            throw CVKitError.badData(
                location: SourceLocation(file: file, line: 1),
                message: "the file is UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
        }
        return chunk
    }
}

/// Turns rows into the dataset's buffers as they arrive; the first error stops the load.
private final class DatasetBuilder: CSVRowConsumer {
    let file: String
    let options: CSVOptions
    var names: [String]?
    var labelColumn = 0
    var groupsColumn: Int?
    var features: [Float] = []
    var labels: [Int32] = []
    var groups: [Int32] = []
    var classes = ClassEncoding()
    var groupEncoding = ClassEncoding()
    var lastLabel: (bytes: [UInt8], code: Int32)?

    init(file: String, options: CSVOptions) {
        self.file = file
        self.options = options
    }

    func consume(_ row: CSVRow) -> CVKitError? {
        guard let names else {
            if options.hasHeader { return readHeader(row) }
            let generated = (0..<row.count).map { "c\($0)" }
            if let error = chooseColumns(generated, line: row.line) { return error }
            return readData(row)
        }
        _ = names
        return readData(row)
    }

    private func readHeader(_ row: CSVRow) -> CVKitError? {
        var header: [String] = []
        var seen: [String: Int] = [:]
        for column in 0..<row.count {
            let location = SourceLocation(file: file, line: row.line, column: column + 1)
            guard let name = row.withField(column, FieldParsing.text) else {
                return .badData(location: location, message: "the header's column \(column + 1) is not valid UTF-8 text")
            }
            if name.isEmpty {
                return .badData(
                    location: location,
                    message: "column \(column + 1) has no name in the header (a pandas index column? write the file with index=False)")
            }
            if let earlier = seen[name] {
                return .badData(location: location, message: "column name \"\(name)\" is used twice, in columns \(earlier + 1) and \(column + 1): names must be unique")
            }
            seen[name] = column
            header.append(name)
        }
        return chooseColumns(header, line: row.line)
    }

    private func chooseColumns(_ header: [String], line: Int) -> CVKitError? {
        let location = SourceLocation(file: file, line: line)
        let list = header.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let label = options.label.resolve(in: header) else {
            return .badData(location: location, message: "no label column \(options.label); the columns are \(list)")
        }
        if let selector = options.groups {
            guard let groups = selector.resolve(in: header) else {
                return .badData(location: location, message: "no groups column \(selector); the columns are \(list)")
            }
            if groups == label {
                return .badData(location: location, message: "the groups column and the label column are the same (\"\(header[label])\")")
            }
            groupsColumn = groups
        }
        if header.count - (groupsColumn == nil ? 1 : 2) < 1 {
            return .badData(location: location, message: "no feature columns: besides the label there must be at least one numeric column")
        }
        labelColumn = label
        names = header
        return nil
    }

    private func readData(_ row: CSVRow) -> CVKitError? {
        let width = names?.count ?? 0
        guard row.count == width else {
            let column = min(row.count, width) + 1
            let what = options.hasHeader ? "the header has \(width) columns" : "the first row has \(width)"
            return .badData(
                location: SourceLocation(file: file, line: row.line, column: column),
                message: "this row has \(row.count) field\(row.count == 1 ? "" : "s"), but \(what)")
        }
        for column in 0..<width {
            if column == labelColumn {
                guard let code = readClass(row, column) else { return labelError(row, column) }
                labels.append(code)
            } else if column == groupsColumn {
                guard let name = row.withField(column, FieldParsing.text), !name.isEmpty else { return labelError(row, column) }
                groups.append(groupEncoding.code(for: name))
            } else {
                let parsed = row.withField(column, FieldParsing.parseFloat)
                switch parsed {
                case .success(let value): features.append(value)
                case .failure(let problem):
                    let shown = row.withField(column, FieldParsing.quote)
                    return .badData(
                        location: SourceLocation(file: file, line: row.line, column: column + 1),
                        message: "column \"\(names?[column] ?? "")\": " + problem.message(shown: shown))
                }
            }
        }
        return nil
    }

    /// The provisional class code of the label in `column`; repeated labels skip the dictionary.
    private func readClass(_ row: CSVRow, _ column: Int) -> Int32? {
        row.withField(column) { field -> Int32? in
            if let lastLabel, field.elementsEqual(lastLabel.bytes) { return lastLabel.code }
            guard let name = FieldParsing.text(field), !name.isEmpty else { return nil }
            let code = classes.code(for: name)
            lastLabel = (Array(field), code)
            return code
        }
    }

    private func labelError(_ row: CSVRow, _ column: Int) -> CVKitError {
        let location = SourceLocation(file: file, line: row.line, column: column + 1)
        let name = names?[column] ?? ""
        let isEmpty = row.withField(column) { $0.isEmpty }
        if isEmpty { return .badData(location: location, message: "column \"\(name)\": empty \(column == labelColumn ? "label" : "group id")") }
        return .badData(location: location, message: "column \"\(name)\": the text is not valid UTF-8")
    }

    func finish(source: Dataset.Source) throws -> Dataset {
        guard let names else {
            throw CVKitError.badData(location: nil, message: "\(file): the file is empty: expected a header row and data rows")
        }
        guard !labels.isEmpty else {
            throw CVKitError.badData(location: nil, message: "\(file): the header has no data rows below it")
        }
        let (classNames, remap) = classes.finish()
        let labelName = names[labelColumn]
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
        var featureNames: [String] = []
        for (index, name) in names.enumerated() where index != labelColumn && index != groupsColumn { featureNames.append(name) }
        return Dataset(
            source: source, featureNames: featureNames, labelName: labelName, classNames: classNames,
            features: features, labels: codes, groupsName: groupsColumn.map { names[$0] },
            groupNames: groupEncoding.namesInFirstSeenOrder, groups: groups)
    }
}
