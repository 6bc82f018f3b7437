import Foundation

/// Loads a CSV file into a `Dataset`: bytes → libcsv → one `[Float]` and one `[Int32]`. The path `-`
/// reads standard input; a pipe or FIFO (`<(…)`) is read whole, once, and then parsed.
///
/// The rules (every rejection is a `CVKitError.badData` naming file, line and column):
/// - a UTF-8 byte-order mark is skipped; CRLF and LF line ends are both accepted; quoted fields may
///   hold the delimiter, doubled quotes and line breaks; blank lines are skipped (libcsv's rule);
/// - the header (unless `hasHeader` is false) names every column, uniquely and non-empty;
/// - every row has the header's number of fields; features follow `FieldParsing`; labels and group
///   ids are any non-empty UTF-8 text (spaces around unquoted text are trimmed by libcsv);
/// - the file has at least one data row, one feature column and two classes.
///
/// When an error has several candidates, the first in the file wins. A file is parsed on up to
/// `min(cores, 8)` threads, in pieces cut at line ends (`ParallelCSVLoad`); the result — dataset,
/// SHA-256, or error with its location and message — is the same as one pass over the file gives,
/// which is what happens when a quoted field spans lines across a cut. Memory while loading: the
/// output arrays plus a few pieces of about 256 KiB (1 MiB in one pass), whatever the file's size.
public enum CSVLoader {
    /// Loads the file at `path`.
    public static func load(path: String, options: CSVOptions = CSVOptions()) throws -> Dataset {
        try load(path: path, options: options, threads: defaultThreads, pieceSize: ParallelCSVLoad.pieceSize)
    }

    /// Loads with `threads` parsing threads (1: one pass on this thread) and pieces of `pieceSize` bytes.
    /// A file written to (or replaced) while it is read is refused: its identity (`FileIdentity`:
    /// inode, size, modification time) is taken before and after.
    static func load(path: String, options: CSVOptions, threads: Int, pieceSize: Int) throws -> Dataset {
        if let stream = try InputFile.stream(path: path) {
            // Standard input, a pipe, a FIFO or `<(…)`: read once, whole, then parsed in memory.
            return try load(bytes: stream, name: path, options: options)
        }
        let before = FileIdentity.of(path)
        let dataset: Dataset
        if threads > 1, let parallel = try ParallelCSVLoad.load(path: path, options: options, threads: threads, pieceSize: pieceSize) {
            dataset = parallel
        } else {
            dataset = try loadInOnePass(path: path, options: options)
        }
        guard let before, FileIdentity.of(path) == before, Int64(dataset.source.byteCount) == before.size else {
            throw CVKitError.badData(location: nil, message: "\(path): the file changed while it was read (its size, modification time or inode "
                + "differ from when reading began); load it again once nothing is writing to it")
        }
        return dataset
    }

    /// Loads CSV text held in memory; `name` stands for the file in messages. For tests and tools.
    public static func load(text: String, name: String = "<text>", options: CSVOptions = CSVOptions()) throws -> Dataset {
        try load(bytes: Array(text.utf8), name: name, options: options)
    }

    /// Loads the file at `path` like `load`, but when it has problems, throws them all in one error
    /// (`cvkit info`): every row with a problem is left out and its problem kept (a few per column,
    /// at most 50), then the column rules run on the rest. A CSV syntax error (an unterminated or
    /// stray quote) still ends the reading where it is. The file is read whole into memory for this
    /// second pass, which runs only when the ordinary load failed with bad data.
    public static func profile(path: String, options: CSVOptions = CSVOptions()) throws -> Dataset {
        do {
            return try load(path: path, options: options)
        } catch CVKitError.badData {
            let bytes: [UInt8]
            if let stream = try InputFile.stream(path: path) {
                throw CVKitError.badData(location: nil, message: "\(path): \(stream.count) bytes that a pipe cannot give twice; save them to a file to see every problem")
            } else {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            }
            return try load(bytes: bytes, name: path, options: options, collecting: true)
        }
    }

    /// Loads CSV bytes held in memory; `name` stands for the file in messages.
    static func load(bytes: [UInt8], name: String, options: CSVOptions, collecting: Bool = false) throws -> Dataset {
        let decoder = RowDecoder(file: name, options: options)
        decoder.collecting = collecting
        let tokenizer = try CSVTokenizer(file: name, delimiter: options.delimiter, decoder: decoder)
        var problems: [CVKitError] = []
        var readToTheEnd = true
        do {
            try bytes.withUnsafeBytes { all in
                try tokenizer.feed(UnsafeRawBufferPointer(rebasing: all[try byteOrderMarkLength(all, file: name)...]))
            }
            try tokenizer.finish()
            decoder.fixPendingEncodings()
            if let error = decoder.error { throw error }
        } catch let error as CVKitError where collecting {
            problems.append(error)
            readToTheEnd = false
        }
        problems = decoder.problems + problems
        var assembler = DatasetAssembler()
        let encodings = decoder.encodings
        assembler.take(from: decoder)
        var hasher = SHA256()
        hasher.update(bytes)
        let source = Dataset.Source(path: name, sha256: hasher.finalizeHex(), byteCount: bytes.count)
        if readToTheEnd {
            do {
                let dataset = try assembler.finish(file: name, layout: decoder.layout, encodings: encodings, options: options, source: source)
                if problems.isEmpty { return dataset }
            } catch let error as CVKitError where collecting && !problems.isEmpty {
                problems.append(error)  // the column rules on the rows without problems
            }
        }
        guard let first = problems.first else { throw CVKitError.badData(location: nil, message: "\(name): no data") }
        throw ColumnRoles.combined(first, problems.dropFirst(), kind: "places")
    }

    /// The column names of the file at `path` as `options` read them (the header, or `c0, c1, …`):
    /// what `cvkit predict` matches a model's columns against before loading.
    public static func headerNames(path: String, options: CSVOptions) throws -> [String] {
        var probe = options
        probe.labelOptional = true
        probe.label = .last
        probe.drop = []; probe.categorical = []; probe.numeric = []; probe.identifier = nil; probe.groups = nil
        let (descriptor, _) = try InputFile.open(path: path)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = try buffer.withUnsafeMutableBytes { try InputFile.read(descriptor, into: $0.baseAddress!, count: $0.count, path: path) }
        var text = Array(buffer[0..<count])
        if let end = text.firstIndex(of: 0x0A) { text = Array(text[...end]) }
        let decoder = RowDecoder(file: path, options: probe)
        let tokenizer = try CSVTokenizer(file: path, delimiter: options.delimiter, decoder: decoder)
        try text.withUnsafeBytes { all in try tokenizer.feed(UnsafeRawBufferPointer(rebasing: all[try byteOrderMarkLength(all, file: path)...])) }
        if decoder.layout == nil { try tokenizer.finish() }
        guard let names = decoder.layout?.names else {
            throw CVKitError.badData(location: SourceLocation(file: path, line: 1), message: "no header row could be read (a header longer than 64 KiB, or an empty file)")
        }
        return names
    }

    /// Parsing threads: one per core, at most 8.
    static var defaultThreads: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8) }

    /// One tokenizer over the whole file, on this thread (the hash is computed on another).
    static func loadInOnePass(path: String, options: CSVOptions) throws -> Dataset {
        let decoder = RowDecoder(file: path, options: options)
        let tokenizer = try CSVTokenizer(file: path, delimiter: options.delimiter, decoder: decoder)
        var assembler = DatasetAssembler()
        var first = true
        var gathered = (bytes: 0, rows: 0)
        let source = try InputFile.read(path: path) { chunk, size in
            var skip = 0
            if first {
                first = false
                skip = try byteOrderMarkLength(chunk, file: path)
            }
            try tokenizer.feed(UnsafeRawBufferPointer(rebasing: chunk[skip...]))
            gathered = (gathered.bytes + chunk.count, gathered.rows + decoder.rowCount)
            assembler.reserve(totalBytes: size, judgingFrom: gathered.bytes, rows: gathered.rows,
                              featureCount: decoder.layout?.slotCount ?? 0)
            if decoder.encodingsFixed { assembler.take(from: decoder) }
        }
        try tokenizer.finish()
        decoder.fixPendingEncodings()
        if let error = decoder.error { throw error }
        assembler.take(from: decoder)
        return try assembler.finish(file: path, layout: decoder.layout, encodings: decoder.encodings, options: options, source: source)
    }

    /// 3 for a UTF-8 byte-order mark at the start of the file, else 0; UTF-16 text is refused.
    static func byteOrderMarkLength(_ start: UnsafeRawBufferPointer, file: String) throws -> Int {
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { return 3 }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            throw CVKitError.badData(
                location: SourceLocation(file: file, line: 1),
                message: "the file is UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
        }
        return 0
    }
}
