import CLibCSV
import Foundation

/// The only user of libcsv: strict-mode tokenizing of a byte stream into fields and rows, with positions.
///
/// libcsv tracks no positions, skips blank lines and trims spaces around unquoted fields. The
/// tokenizer feeds libcsv one physical line (up to and including each LF) at a time, so the line
/// of every field and of every syntax error is known exactly: it is the line being fed. Columns are
/// counted in fields. Each field goes, as libcsv's own NUL-terminated bytes, to the `RowDecoder`,
/// which converts it in place; nothing is copied per field and nothing holds the whole file.
///
/// libcsv is the parser of record, but most lines of a numeric file need none of it: a line with no
/// quote, CR, space, tab or NUL is split at the delimiter exactly as libcsv would split it. Such a
/// line, when libcsv is between rows, is offered whole to `RowDecoder.decodePlainRow`, which takes
/// it only if every field is on its fast path; any other line — the header, a quoted field, an
/// empty field, an error — is fed to libcsv as before. (On the 100 MB synthetic file this skips
/// libcsv for all rows but a few per piece, which halves the CPU time of a load. Tested equal,
/// dataset and errors, on the corpus and by the fuzz target.) With a space or tab as the delimiter
/// every line goes to libcsv: libcsv also trims those.
///
/// A tokenizer may start anywhere a row may start (`firstLine` names that line), which is how the
/// parallel loader parses a file in pieces: `isBetweenRows` tells afterwards whether the piece really
/// ended between rows (not inside a quoted field), i.e. whether the next piece was cut in a valid place.
final class CSVTokenizer {
    private var parser = csv_parser()
    private let file: String
    private let delimiter: UInt8
    let decoder: RowDecoder
    /// The physical line being fed (1-based).
    private(set) var line: Int
    /// The line on which a quoted field still open at the end of the last fed line was opened.
    private var openQuoteLine: Int?
    /// Whether the last fed byte was an LF (the next byte starts a new line).
    private var atLineStart = true
    /// Whether lines may take the plain path: the delimiter is not special to libcsv, and not a
    /// character of a number (which would end the number parser's digit loops in the wrong place).
    private let plainLines: Bool

    /// Off: every line goes to libcsv (the tests and the fuzz target compare both ways). Read when
    /// a tokenizer is made, on the loading thread.
    @TaskLocal static var plainLinesAllowed = true

    init(file: String, delimiter: UInt8, decoder: RowDecoder, firstLine: Int = 1) throws {
        self.file = file
        self.delimiter = delimiter
        self.decoder = decoder
        self.line = firstLine
        plainLines = CSVTokenizer.plainLinesAllowed && !(Array("\"\r\n \t0123456789.+-eE".utf8) + [0]).contains(delimiter)
        try start()
    }

    deinit { csv_free(&parser) }

    private func start() throws {
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
        guard csv_init(&parser, options) == 0 else {
            throw CVKitError.io(path: file, reason: "the CSV parser could not be initialized (out of memory)")
        }
        csv_set_delim(&parser, delimiter)
    }

    /// Forgets any partial row and starts again at the beginning of `line`.
    func restart(atLine line: Int) throws {
        csv_free(&parser)
        try start()
        self.line = line
        openQuoteLine = nil
        atLineStart = true
    }

    /// Whether everything fed so far ended a row: libcsv is not inside a row or a quoted field.
    var isBetweenRows: Bool { parser.pstate == 0 && atLineStart }

    /// Tokenizes the next bytes of the file; rows are handed to the decoder as they complete.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        // One search for a NUL byte in the whole block; only then is each line searched, for its number.
        let hasNul = memchr(base, 0, bytes.count) != nil
        var start = 0
        while start < bytes.count {
            let remaining = bytes.count - start
            let lf = memchr(base + start, 0x0A, remaining)
            let end = lf.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? bytes.count
            if hasNul, memchr(base + start, 0, end - start) != nil {
                throw CVKitError.badData(
                    location: SourceLocation(file: file, line: line),
                    message: "the file contains a NUL byte: it looks like a binary file, not CSV text")
            }
            decoder.line = line
            let plain = plainLines && lf != nil && isBetweenRows
                && decoder.decodePlainRow(base.assumingMemoryBound(to: UInt8.self) + start, count: end - start - 1, delimiter: delimiter)
            if !plain { try parse(base + start, end - start) }
            atLineStart = lf != nil
            if atLineStart {
                if parser.quoted != 0 && parser.pstate == 2 {
                    if openQuoteLine == nil { openQuoteLine = line }
                } else {
                    openQuoteLine = nil
                }
                line += 1
            }
            start = end
        }
    }

    /// Flushes the last row (a file need not end with a newline) and checks no quote is left open.
    func finish() throws {
        decoder.line = line
        let context = Unmanaged.passUnretained(decoder).toOpaque()
        let status = csv_fini(&parser, CSVTokenizer.onField, CSVTokenizer.onRowEnd, context)
        if let error = decoder.error { throw error }
        if status != 0 {
            let opened = openQuoteLine ?? (atLineStart ? line - 1 : line)
            throw CVKitError.badData(
                location: SourceLocation(file: file, line: opened, column: decoder.fieldsInRow + 1),
                message: "a quoted field opened on line \(opened) is never closed: add the closing quote (\")")
        }
    }

    private func parse(_ bytes: UnsafeRawPointer, _ count: Int) throws {
        decoder.line = line
        let context = Unmanaged.passUnretained(decoder).toOpaque()
        let consumed = csv_parse(&parser, bytes, count, CSVTokenizer.onField, CSVTokenizer.onRowEnd, context)
        if let error = decoder.error { throw error }
        if consumed < count {
            throw CVKitError.badData(
                location: SourceLocation(file: file, line: line, column: decoder.fieldsInRow + 1),
                message: "malformed quoting: a quote (\") inside an unquoted field, or text after a closing quote. "
                    + "Quote the whole field and double any quote inside it (\"\")")
        }
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        guard let context else { return }
        // Guaranteed reference: no retain/release per field (ten million of them in a 100 MB file).
        Unmanaged<RowDecoder>.fromOpaque(context)._withUnsafeGuaranteedRef { decoder in
            guard let field else { return emptyField(decoder) }
            decoder.field(UnsafeBufferPointer(start: field.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }

    /// libcsv passes its buffer, which exists once bytes were fed; an empty NUL-terminated field otherwise.
    @inline(never) private static func emptyField(_ decoder: RowDecoder) {
        var nul: UInt8 = 0
        withUnsafeMutablePointer(to: &nul) { decoder.field(UnsafeBufferPointer(start: $0, count: 0)) }
    }

    private static let onRowEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        guard let context else { return }
        Unmanaged<RowDecoder>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRow() }
    }
}
