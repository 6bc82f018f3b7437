import Foundation

/// Reads an open file as consecutive pieces of about `pieceSize` bytes, each ending just after an LF
/// (the last one at the end of the file), so that every piece starts at the beginning of a line.
///
/// The bytes after a piece's last LF are carried into the next piece; a line longer than `pieceSize`
/// makes its piece longer, up to `longestPiece` (8 pieces or 8 MiB, whichever is more), past which
/// `next` gives up (`tooLong`): a file without LFs (CR line ends) must not be held whole.
/// The pieces, concatenated, are the file's bytes, each once.
struct LinePieces {
    private let descriptor: Int32
    private let path: String
    private let pieceSize: Int
    private let longestPiece: Int
    private let carry = ByteBuffer()
    /// Whether the end of the file was reached: the last piece returned is the file's last.
    private(set) var atEnd = false
    /// Whether `next` stopped at a line longer than `longestPiece`.
    private(set) var tooLong = false

    /// A regular file smaller than `pieceSize` is read in reads of its size (plus one byte, to see the
    /// end): a 20-byte file must not reserve and fault in a 1 MiB piece — under the fuzzer's
    /// sanitizers that was most of a load's cost. Larger files, pipes and growing files read as before.
    init(descriptor: Int32, path: String, pieceSize: Int, longestPiece: Int? = nil) {
        self.descriptor = descriptor
        self.path = path
        let requested = max(pieceSize, 1)
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        self.pieceSize = size > 0 ? min(requested, size + 1) : requested
        self.longestPiece = longestPiece ?? max(8 * requested, 8 << 20)
    }

    /// Fills `piece` with the next piece; false when the file has no more bytes (or `tooLong`).
    mutating func next(into piece: ByteBuffer) throws -> Bool {
        piece.count = 0
        if atEnd || tooLong { return false }
        piece.append(carry)
        carry.count = 0
        while true {
            if piece.count >= longestPiece {
                tooLong = true
                return false
            }
            piece.reserve(piece.count + pieceSize)
            let read = try InputFile.read(descriptor, into: piece.base + piece.count, count: pieceSize, path: path)
            if read == 0 {
                atEnd = true
                return piece.count > 0
            }
            let searched = piece.count
            piece.count += read
            if let end = LinePieces.endOfLastLine(piece, after: searched) {
                carry.count = 0
                carry.append(piece.base + end, count: piece.count - end)
                piece.count = end
                return true
            }
        }
    }

    /// The offset just past the last LF at or after `start`, or nil.
    private static func endOfLastLine(_ buffer: ByteBuffer, after start: Int) -> Int? {
        var index = buffer.count
        while index > start {
            index -= 1
            if buffer.base.load(fromByteOffset: index, as: UInt8.self) == 0x0A { return index + 1 }
        }
        return nil
    }

    /// The number of LF bytes in `bytes`.
    static func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
            count += 1
            offset = base.distance(to: UnsafeRawPointer(found)) + 1
        }
        return count
    }
}

/// A growable byte buffer in manually managed memory (a piece of a file; no per-byte bounds checks).
final class ByteBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 1)
        base = .allocate(byteCount: self.capacity, alignment: 64)
    }

    deinit { base.deallocate() }

    /// The bytes held.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Makes room for `capacity` bytes in all, keeping the contents.
    func reserve(_ capacity: Int) {
        guard capacity > self.capacity else { return }
        let grown = max(capacity, self.capacity * 2)
        let new = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 64)
        new.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = new
        self.capacity = grown
    }

    func append(_ source: UnsafeRawPointer, count: Int) {
        reserve(self.count + count)
        (base + self.count).copyMemory(from: source, byteCount: count)
        self.count += count
    }

    func append(_ other: ByteBuffer) { append(other.base, count: other.count) }
}
