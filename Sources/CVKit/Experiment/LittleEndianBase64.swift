import Foundation

/// Arrays of fixed-width integers as one base64 string of their little-endian bytes: how the
/// journal packs a task's probabilities (`PackedFloats`, by bit pattern), test rows and predictions
/// (`PackedIntegers`). Exact, a third of the size of decimal text, and no per-value boxing in
/// `JSONEncoder` (a 100,000-row run's journal holds a million probabilities).
enum LittleEndianBase64 {
    static func encode<T: FixedWidthInteger>(_ values: some Collection<T>) -> String {
        let width = MemoryLayout<T>.size
        var data = Data(count: values.count * width)
        data.withUnsafeMutableBytes { raw in
            for (index, value) in values.enumerated() { raw.storeBytes(of: value.littleEndian, toByteOffset: width * index, as: T.self) }
        }
        return data.base64EncodedString()
    }

    /// The values `text` holds, or nil when it is not base64 of a whole number of `T`s.
    static func decode<T: FixedWidthInteger>(_ text: String, as type: T.Type = T.self) -> [T]? {
        let width = MemoryLayout<T>.size
        guard let data = Data(base64Encoded: text), data.count % width == 0 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<data.count / width).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: width * $0, as: T.self)) }
        }
    }
}
