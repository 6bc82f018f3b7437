import CLibCSV
import Foundation

/// Receives complete rows from a `CSVTokenizer`.
protocol CSVRowConsumer: AnyObject {
    /// Takes one row; returns an error to stop the load (libcsv's C callbacks cannot throw).
    func consume(_ row: CSVRow) -> CVKitError?
}

/// The only user of libcsv: strict-mode tokenizing of a byte stream into rows, with positions.
///
/// libcsv tracks no positions, skips blank lines and trims spaces around unquoted fields. The
/// tokenizer feeds libcsv one physical line (up to and including each LF) at a time, so the line
/// of every field and of every syntax error is known exactly: it is the line being fed. Columns are
/// counted in fields. Bytes are fed as they come; nothing holds the whole file.
final class CSVTokenizer {
    private var parser = csv_parser()
    private let file: String
    private let consumer: CSVRowConsumer
    private var row = CSVRow()
    private var pendingError: CVKitError?
    /// The physical line being fed (1-based).
    private(set) var line = 1
    /// The line on which a quoted field still open at the end of the last fed line was opened.
    private var openQuoteLine: Int?
    /// Whether the last fed byte was an LF (the next byte starts a new line).
    private var atLineStart = true

    init(file: String, delimiter: UInt8, consumer: CSVRowConsumer) throws {
        self.file = file
        self.consumer = consumer
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
        guard csv_init(&parser, options) == 0 else {
            throw CVKitError.io(path: file, reason: "the CSV parser could not be initialized (out of memory)")
        }
        csv_set_delim(&parser, delimiter)
    }

    deinit { csv_free(&parser) }

    /// Tokenizes the next bytes of the file; rows are handed to the consumer as they complete.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let remaining = bytes.count - start
            let lf = memchr(base + start, 0x0A, remaining)
            let end = lf.map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? bytes.count
            let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if memchr(piece.baseAddress!, 0, piece.count) != nil {
                throw CVKitError.badData(
                    location: SourceLocation(file: file, line: line),
                    message: "the file contains a NUL byte: it looks like a binary file, not CSV text")
            }
            try parse(piece)
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
        let context = Unmanaged.passUnretained(self).toOpaque()
        let status = csv_fini(&parser, CSVTokenizer.onField, CSVTokenizer.onRowEnd, context)
        if let pendingError { throw pendingError }
        if status != 0 {
            let opened = openQuoteLine ?? (atLineStart ? line - 1 : line)
            throw CVKitError.badData(
                location: SourceLocation(file: file, line: opened, column: row.count + 1),
                message: "a quoted field opened on line \(opened) is never closed: add the closing quote (\")")
        }
    }

    private func parse(_ piece: UnsafeRawBufferPointer) throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let consumed = csv_parse(&parser, piece.baseAddress, piece.count, CSVTokenizer.onField, CSVTokenizer.onRowEnd, context)
        if let pendingError { throw pendingError }
        if consumed < piece.count {
            throw CVKitError.badData(
                location: SourceLocation(file: file, line: line, column: row.count + 1),
                message: "malformed quoting: a quote (\") inside an unquoted field, or text after a closing quote. "
                    + "Quote the whole field and double any quote inside it (\"\")")
        }
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        guard let context else { return }
        // Guaranteed reference: no retain/release per field (ten million of them in a 100 MB file).
        Unmanaged<CSVTokenizer>.fromOpaque(context)._withUnsafeGuaranteedRef { tokenizer in
            if tokenizer.row.count == 0 { tokenizer.row.line = tokenizer.line }
            tokenizer.row.append(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
        }
    }

    private static let onRowEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        guard let context else { return }
        Unmanaged<CSVTokenizer>.fromOpaque(context)._withUnsafeGuaranteedRef { tokenizer in
            if tokenizer.pendingError == nil {
                tokenizer.pendingError = tokenizer.consumer.consume(tokenizer.row)
            }
            tokenizer.row.removeAll()
        }
    }
}
