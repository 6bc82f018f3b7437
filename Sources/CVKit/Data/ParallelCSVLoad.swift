import Foundation

/// Loads a CSV file on several threads, with exactly the result — dataset or first error — of one pass.
///
/// The calling thread reads the file in pieces that end at line ends (`LinePieces`) and numbers their
/// first lines (LFs before the piece + 1); a serial queue hashes them in order, beside the parsing
/// (SHA-256 runs at ~1 GB/s here: on the reading thread it held the parsers back). The first piece is parsed here, to
/// learn the columns; the others are parsed concurrently on worker threads, each by its own libcsv parser
/// and `RowDecoder`, and gathered in file order (`DatasetAssembler`). So the first error in file order
/// wins, with its line and column, and class codes follow the file's first-seen order.
///
/// A cut is only right if libcsv is between rows there; a piece ending inside a quoted field (a field
/// spanning lines) shows the cut after it was wrong. That is checked as the pieces are gathered, in
/// order; then `load` returns nil and the caller reads the file in one pass — as it does when a line
/// is too long for a piece (`LinePieces.tooLong`). Memory: a few pieces in flight and the output arrays.
enum ParallelCSVLoad {
    /// Bytes per piece: 256 KiB. Measured on the 100 MB file: as fast as 1 MiB pieces, 5 MB less
    /// peak memory; a piece is hashed and counted while still in cache.
    static let pieceSize = 1 << 18

    /// The dataset, or nil when the file must be read in one pass; throws the file's first error.
    static func load(path: String, options: CSVOptions, threads: Int, pieceSize: Int) throws -> Dataset? {
        let (descriptor, size) = try InputFile.open(path: path)
        defer { close(descriptor) }
        var pieces = LinePieces(descriptor: descriptor, path: path, pieceSize: pieceSize)
        let hasher = PieceHasher()
        var total = 0
        var assembler = DatasetAssembler()
        var gathered = (bytes: 0, rows: 0)

        // The first piece, here: it holds the header (or the first row) that fixes the columns.
        let first = try PieceJob(file: path, options: options)
        _ = try pieces.next(into: first.piece)
        if pieces.tooLong { return nil }
        hasher.hash(first)
        first.hashed.wait()
        total += first.piece.count
        let skip = try CSVLoader.byteOrderMarkLength(first.piece.bytes, file: path)
        first.parse(firstLine: 1, isLast: pieces.atEnd, layout: nil, encodings: [], skipping: skip)
        if let failure = first.failure { throw failure }
        var nextLine = 1 + LinePieces.countNewlines(first.piece.bytes)
        // More pieces on this thread, by the same parser, until the first rows have fixed the columns' encodings.
        while first.decoder.layout != nil, !first.decoder.encodingsFixed, !pieces.atEnd {
            guard try pieces.next(into: first.piece), !pieces.tooLong else { return nil }
            hasher.hash(first)
            first.hashed.wait()
            total += first.piece.count
            first.parse(firstLine: nextLine, isLast: pieces.atEnd, layout: nil, encodings: [], skipping: 0)
            if let failure = first.failure { throw failure }
            nextLine += LinePieces.countNewlines(first.piece.bytes)
        }
        if pieces.atEnd {
            first.decoder.fixPendingEncodings()
            if let failure = first.decoder.error { throw failure }
        }
        let layout = first.decoder.layout
        let encodings = first.decoder.encodings
        func gather(_ job: PieceJob) {
            gathered = (gathered.bytes + job.piece.count, gathered.rows + job.decoder.rowCount)
            assembler.reserve(
                totalBytes: size, judgingFrom: gathered.bytes, rows: gathered.rows, featureCount: layout?.slotCount ?? 0)
            assembler.take(from: job.decoder)
        }
        gather(first)
        if pieces.atEnd {
            let source = Dataset.Source(path: path, sha256: hasher.digest(), byteCount: total)
            return try assembler.finish(file: path, layout: layout, encodings: encodings, options: options, source: source)
        }
        guard first.endedBetweenRows, let layout, first.decoder.encodingsFixed else { return nil }

        // The rest, `threads` pieces at a time on worker threads, gathered in order.
        var inFlight: [PieceJob] = []
        var spare = [first]
        defer {
            for job in inFlight {
                job.done.wait()
                job.hashed.wait()
            }
        }
        /// Gathers the oldest piece in flight; false when the cut after it was wrong (read in one pass).
        func gatherOldest() throws -> Bool {
            let job = inFlight.removeFirst()
            job.done.wait()
            job.hashed.wait()
            if let failure = job.failure { throw failure }
            gather(job)
            spare.append(job)
            return job.endedBetweenRows
        }
        var readFailure: Error?
        while true {
            if inFlight.count > threads {
                guard try gatherOldest() else { return nil }
                continue
            }
            let job = try spare.popLast() ?? PieceJob(file: path, options: options)
            do {
                guard try pieces.next(into: job.piece) else { break }
            } catch {
                readFailure = error  // thrown once the pieces before it are gathered: their errors come first
                break
            }
            hasher.hash(job)
            total += job.piece.count
            let firstLine = nextLine
            nextLine += LinePieces.countNewlines(job.piece.bytes)
            let isLast = pieces.atEnd
            inFlight.append(job)
            DispatchQueue.global().async {
                job.parse(firstLine: firstLine, isLast: isLast, layout: layout, encodings: encodings, skipping: 0)
                job.done.signal()
            }
        }
        while !inFlight.isEmpty {
            guard try gatherOldest() else { return nil }
        }
        if let readFailure { throw readFailure }
        if pieces.tooLong { return nil }
        let source = Dataset.Source(path: path, sha256: hasher.digest(), byteCount: total)
        return try assembler.finish(file: path, layout: layout, encodings: encodings, options: options, source: source)
    }
}

/// One piece of a file, the parser that reads it, and what came of it. Owned by the loading thread
/// except between handing it to a worker and that worker's `done.signal()`.
final class PieceJob: @unchecked Sendable {
    let piece = ByteBuffer()
    let decoder: RowDecoder
    let tokenizer: CSVTokenizer
    let done = DispatchSemaphore(value: 0)
    /// Signalled once `PieceHasher` has hashed the piece (its buffer may then be refilled).
    let hashed = DispatchSemaphore(value: 0)
    private(set) var failure: Error?
    /// Whether parsing stopped between rows (or at the end of the file), so the next piece was cut right.
    private(set) var endedBetweenRows = false

    init(file: String, options: CSVOptions) throws {
        decoder = RowDecoder(file: file, options: options)
        tokenizer = try CSVTokenizer(file: file, delimiter: options.delimiter, decoder: decoder)
    }

    /// Parses the piece (after its first `skipping` bytes), which starts at line `firstLine`; a piece
    /// after the first comes with the columns its file's first row fixed.
    func parse(firstLine: Int, isLast: Bool, layout: ColumnLayout?, encodings: [ColumnEncoding], skipping: Int) {
        failure = nil
        do {
            if let layout {
                decoder.start(layout: layout, encodings: encodings)
                try tokenizer.restart(atLine: firstLine)
            }
            try tokenizer.feed(UnsafeRawBufferPointer(rebasing: piece.bytes[skipping...]))
            if isLast { try tokenizer.finish() }
            endedBetweenRows = isLast || tokenizer.isBetweenRows
        } catch {
            failure = error
        }
    }
}

/// SHA-256 of a file's pieces, hashed in the order given on a serial queue of their own.
/// `digest()` waits for the pieces handed over so far.
final class PieceHasher: @unchecked Sendable {
    private var sha = SHA256()  // touched only on `queue`
    private let queue = DispatchQueue(label: "cvkit.csv.sha256")

    /// Hashes `job`'s piece after the pieces before it, then signals `job.hashed`.
    func hash(_ job: PieceJob) {
        queue.async {
            self.sha.update(job.piece.bytes)
            job.hashed.signal()
        }
    }

    func digest() -> String { queue.sync { sha.finalizeHex() } }
}
