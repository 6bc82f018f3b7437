/// The fields of one CSV row, held as bytes in one reused buffer (no `String` per field).
///
/// Each field is stored followed by a NUL byte so that C number parsers can read it in place.
/// `line` is the physical line (1-based) on which the row's first field ended.
struct CSVRow {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = []
    var line = 0

    init() {
        bytes.reserveCapacity(4096)
        starts.reserveCapacity(64)
    }

    var count: Int { starts.count }

    mutating func append(_ field: UnsafeRawBufferPointer) {
        starts.append(bytes.count)
        bytes.append(contentsOf: field)
        bytes.append(0)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
    }

    /// The byte range of field `index`, without its trailing NUL.
    func range(of index: Int) -> Range<Int> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count - 1
        return starts[index]..<end
    }

    /// Calls `body` with field `index`'s bytes; the pointer is NUL-terminated one past the end.
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = range(of: index)
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }
}
