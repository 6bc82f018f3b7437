import Foundation

/// A `[Float]` that JSON stores as one base64 string of its IEEE 754 little-endian bytes.
///
/// Exact (every bit round-trips, NaN payloads included), a third of the size of decimal text, and
/// without a number-formatting pass per value: the journal of a 100,000-row run holds a million
/// probabilities, and `JSONEncoder` spent about a second printing them as decimals.
public struct PackedFloats: Sendable, Equatable, Codable {
    public var values: [Float]

    public init(_ values: [Float]) { self.values = values }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not base64 of Float32 values"))
        }
        values = data.withUnsafeBytes { raw in
            (0..<data.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var data = Data(count: values.count * 4)
        data.withUnsafeMutableBytes { raw in
            for (index, value) in values.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: 4 * index, as: UInt32.self)
            }
        }
        var container = encoder.singleValueContainer()
        try container.encode(data.base64EncodedString())
    }
}
