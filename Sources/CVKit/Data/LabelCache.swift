import Foundation

/// The label texts seen so far (the first 64), as bytes, with their codes, so that a row's label is
/// found by comparing bytes instead of making a `String` and hashing it.
///
/// Classification data has a handful of classes, so the search is a few short `memcmp`s; a column with
/// more distinct values (ids, groups) misses the cache after 64 and takes the dictionary path. (64, not
/// 16: categorical columns often have a few dozen levels, and a miss sends the whole line to libcsv.)
struct LabelCache {
    static let capacity = 64
    private var bytes: [UInt8] = []
    /// Each entry's first 8 bytes as one word (zero-padded), so a text of up to 8 bytes is one comparison.
    private var entries: [(start: Int, count: Int, code: Int32, word: UInt64)] = []
    /// Texts offered once the cache was full; past `capacity` of them the column has too many
    /// distinct values (an identifier) for the cache to pay, and it answers nil at once.
    private var turnedAway = 0

    /// The code cached for `field`, or nil.
    func code(for field: UnsafeBufferPointer<UInt8>) -> Int32? {
        if turnedAway > LabelCache.capacity { return nil }
        let count = field.count
        if count <= 8 {
            let word = LabelCache.word(field)
            for entry in entries where entry.count == count && entry.word == word { return entry.code }
            return nil
        }
        return bytes.withUnsafeBufferPointer { all in
            for entry in entries where entry.count == count {
                if let stored = all.baseAddress, let text = field.baseAddress, memcmp(stored + entry.start, text, entry.count) == 0 {
                    return entry.code
                }
            }
            return nil
        }
    }

    /// Remembers `field`'s code while there is room.
    mutating func insert(_ field: UnsafeBufferPointer<UInt8>, code: Int32) {
        guard entries.count < LabelCache.capacity else {
            turnedAway += 1
            return
        }
        entries.append((bytes.count, field.count, code, LabelCache.word(field)))
        bytes.append(contentsOf: field)
    }

    /// The first (up to) 8 bytes of `field`, little end first, zero-padded.
    @inline(__always) static func word(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for (i, byte) in field.prefix(8).enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
        return word
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        turnedAway = 0
    }
}
