import Foundation

/// Integer arrays that JSON stores as one base64 string of their little-endian bytes, as
/// `PackedFloats` does for probabilities: a task's test rows and predicted classes are tens of
/// thousands of numbers per journal line, and `JSONEncoder` spent ~30 ms per 20,000-row task
/// boxing them one by one. Readers also take the plain JSON arrays earlier journals hold.
enum PackedIntegers {
    /// `values` as base64 of 8-byte little-endian integers.
    static func encode(_ values: [Int]) -> String {
        var data = Data(count: values.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (index, value) in values.enumerated() { raw.storeBytes(of: Int64(value).littleEndian, toByteOffset: 8 * index, as: Int64.self) }
        }
        return data.base64EncodedString()
    }

    /// `values` as base64 of 4-byte little-endian integers.
    static func encode(_ values: [Int32]) -> String {
        var data = Data(count: values.count * 4)
        data.withUnsafeMutableBytes { raw in
            for (index, value) in values.enumerated() { raw.storeBytes(of: value.littleEndian, toByteOffset: 4 * index, as: Int32.self) }
        }
        return data.base64EncodedString()
    }

    /// The `[Int]` under `key`: packed (8-byte integers) or a plain array.
    static func decodeInts<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> [Int] {
        guard let text = try? container.decode(String.self, forKey: key) else { return try container.decode([Int].self, forKey: key) }
        let data = try bytes(text, width: 8, container, key)
        return data.withUnsafeBytes { raw in
            (0..<data.count / 8).map { Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self))) }
        }
    }

    /// The `[Int32]` under `key`: packed (4-byte integers) or a plain array.
    static func decodeInt32s<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> [Int32] {
        guard let text = try? container.decode(String.self, forKey: key) else { return try container.decode([Int32].self, forKey: key) }
        let data = try bytes(text, width: 4, container, key)
        return data.withUnsafeBytes { raw in
            (0..<data.count / 4).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
        }
    }

    private static func bytes<Key: CodingKey>(_ text: String, width: Int, _ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Data {
        guard let data = Data(base64Encoded: text), data.count % width == 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not base64 of \(width)-byte integers")
        }
        return data
    }
}
