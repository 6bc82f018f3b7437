import Foundation

/// The label texts seen so far (the first 16), as bytes, with their codes, so that a row's label is
/// found by comparing bytes instead of making a `String` and hashing it.
///
/// Classification data has a handful of classes, so the search is a few short `memcmp`s; a column with
/// more distinct values (ids, groups) misses the cache after 16 and takes the dictionary path.
struct LabelCache {
    static let capacity = 16
    private var bytes: [UInt8] = []
    private var entries: [(start: Int, count: Int, code: Int32)] = []

    /// The code cached for `field`, or nil.
    func code(for field: UnsafeBufferPointer<UInt8>) -> Int32? {
        bytes.withUnsafeBufferPointer { all in
            for entry in entries where entry.count == field.count {
                if entry.count == 0 { return entry.code }
                if let stored = all.baseAddress, let text = field.baseAddress, memcmp(stored + entry.start, text, entry.count) == 0 {
                    return entry.code
                }
            }
            return nil
        }
    }

    /// Remembers `field`'s code while there is room.
    mutating func insert(_ field: UnsafeBufferPointer<UInt8>, code: Int32) {
        guard entries.count < LabelCache.capacity else { return }
        entries.append((bytes.count, field.count, code))
        bytes.append(contentsOf: field)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }
}
